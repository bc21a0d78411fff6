using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>Our own probe ("observed") says what it saw; a probe that got no HTTP answer says so, and why.</summary>
public sealed class ProbeTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private static TestCatalog.Entry Probed(Uri page, Uri probe) =>
        new("probed", page, Extra: new Dictionary<string, object?> { ["probe"] = probe.ToString() });

    [Fact]
    public async Task Probe_NoHttpAnswerWhileOnline_SaysItGotNoAnswerAndWhy()
    {
        // Arrange
        using var refusing = new RefusingPort();
        _upstream.Set("/p/api/v2/summary.json", StatuspageJson.Summary("none"));
        await using var engine = await EngineHost.StartAsync(TestCatalog.Write([Probed(_upstream.Url("/p/api/v2/summary.json"), refusing.Url("/health"))]));

        // Act
        var snapshot = await engine.Store.WaitForAsync(s => s.Service("probed").Observed is not null);

        // Assert
        var observed = snapshot.Service("probed").Observed!;
        observed.Status.Should().Be(StatusLevel.MajorOutage, "the internet works, yet the service itself does not answer");
        observed.Error.Should().Be($"No HTTP answer from 127.0.0.1:{refusing.Port}: Connection refused");
    }

    [Fact]
    public async Task Probe_NoHttpAnswerWhileStatusBoardIsOffline_IsUnknownNotOutage()
    {
        // Arrange: three of four services refused and a refusing canary make StatusBoard offline.
        using var refusing = new RefusingPort();
        _upstream.Set("/p/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([
            Probed(_upstream.Url("/p/api/v2/summary.json"), refusing.Url("/health")),
            .. new[] { "a", "b", "c" }.Select(id => new TestCatalog.Entry(id, refusing.Url($"/{id}/api/v2/summary.json"))),
        ]);
        await using var engine = await EngineHost.StartAsync(catalog, new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });
        await engine.WaitForCompletedPollsAsync(4);
        await engine.Store.WaitForAsync(s => s.Offline is not null);

        // Act: a round while offline.
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        await engine.WaitForCompletedPollsAsync(8);

        // Assert
        var observed = engine.Store.Current.Service("probed").Observed!;
        observed.Status.Should().Be(StatusLevel.Unknown, "our own network is down, which says nothing about the service");
        observed.Error.Should().Be($"StatusBoard is offline; no HTTP answer from 127.0.0.1:{refusing.Port}: Connection refused");
    }
}

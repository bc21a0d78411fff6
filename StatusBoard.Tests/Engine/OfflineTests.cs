using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>"Is it them or is it me?": when everything fails at network level and the canary too, StatusBoard says so once.</summary>
public sealed class OfflineTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task UpstreamStopsAnswering_OfflineBannerInsteadOfUnknownTiles_ClearsWhenItReturns()
    {
        var ids = new[] { "a", "b", "c", "d" };
        foreach (var id in ids)
        {
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary(id == "b" ? "minor" : "none", incidentImpact: id == "b" ? "minor" : null));
        }
        await using var engine = await EngineHost.StartAsync(
            TestCatalog.Write(ids.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json")))),
            new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });
        await engine.WaitForCompletedPollsAsync(4);

        // Our "network" goes away: every request is refused, and so is the canary.
        await _upstream.StopListeningAsync();
        for (var round = 1; round <= 3; round++)
        {
            await engine.WaitForCompletedPollsAsync(4L * round);
            engine.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await engine.WaitForCompletedPollsAsync(16);
        var offline = await engine.Store.WaitForAsync(s => s.Offline is not null);

        offline.Offline!.Message.Should().StartWith("StatusBoard cannot reach the internet; statuses are stale since 2026-11-25 12:01 UTC");
        offline.Services.Should().OnlyContain(s => s.Stale && s.Status != StatusLevel.Unknown, "three failed rounds, yet the tiles keep their last level");
        offline.Service("b").Status.Should().Be(StatusLevel.Degraded);

        // The network returns.
        await _upstream.ListenAgainAsync();
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        var online = await engine.Store.WaitForAsync(s => s.Offline is null && s.Services.All(x => !x.Stale));
        online.Service("b").Status.Should().Be(StatusLevel.Degraded);
    }
}

using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

public sealed class StatusEngineTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private string Catalog(params string[] ids) =>
        TestCatalog.Write(ids.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json"))));

    private void Page(string id, string body) => _upstream.Set($"/{id}/api/v2/summary.json", body);

    [Fact]
    public async Task Engine_HangingUpstream_DoesNotDelayOthers_AndTimesOutWithReason()
    {
        // Arrange
        Page("fast", StatuspageJson.Summary("none"));
        Page("other", StatuspageJson.Summary("minor"));
        _upstream.Hang("/slow/api/v2/summary.json");
        await using var engine = await EngineHost.StartAsync(Catalog("fast", "slow", "other"));

        // Act: without moving the clock, the two healthy pages are read while "slow" still hangs.
        var first = await engine.Store.WaitForAsync(s => s.Service("fast").CheckedAt is not null && s.Service("other").CheckedAt is not null);

        // Assert
        first.Service("fast").Status.Should().Be(StatusLevel.Operational);
        first.Service("other").Status.Should().Be(StatusLevel.Degraded);
        first.Service("slow").CheckedAt.Should().BeNull("its request is still hanging");

        // Act: the 5 s deadline passes on the fake clock.
        engine.Time.Advance(TimeSpan.FromSeconds(5));
        var timedOut = await engine.Store.WaitForAsync(s => s.Service("slow").CheckedAt is not null);

        // Assert
        timedOut.Service("slow").Status.Should().Be(StatusLevel.Unknown);
        timedOut.Service("slow").Error.Should().Be("Timed out after 5 s");
        timedOut.Service("fast").Status.Should().Be(StatusLevel.Operational);
    }

    [Fact]
    public async Task Engine_GarbageThenValid_LoopSurvivesAndRecovers()
    {
        // Arrange
        Page("flaky", "{\"status\": {\"indicator\": ");
        Page("steady", StatuspageJson.Summary("none"));
        await using var engine = await EngineHost.StartAsync(Catalog("flaky", "steady"));

        // Act
        var broken = await engine.Store.WaitForAsync(s => s.Service("flaky").CheckedAt is not null && s.Service("steady").CheckedAt is not null);

        // Assert
        broken.Service("flaky").Status.Should().Be(StatusLevel.Unknown);
        broken.Service("flaky").Error.Should().StartWith("statuspage: invalid JSON");
        broken.Service("steady").Status.Should().Be(StatusLevel.Operational);

        // Act: the page is repaired; one interval (60 s ±10 %) later it is read again.
        Page("flaky", StatuspageJson.Summary("major"));
        engine.Time.Advance(TimeSpan.FromSeconds(67));
        var repaired = await engine.Store.WaitForAsync(s => s.Service("flaky").Status == StatusLevel.PartialOutage);

        // Assert
        repaired.Service("flaky").Error.Should().BeNull();
        repaired.Service("flaky").Summary.Should().Be("Test description");
    }

    [Fact]
    public async Task Engine_Http500AndRefusedConnection_AreUnknownWithReadableReasons()
    {
        // Arrange
        _upstream.SetStatus("/broken/api/v2/summary.json", 500, "oops");
        using var refusing = new RefusingPort();
        var refusedUrl = refusing.Url("/api/v2/summary.json");
        var catalog = TestCatalog.Write([
            new("broken", _upstream.Url("/broken/api/v2/summary.json")),
            new("refused", refusedUrl),
        ]);
        await using var engine = await EngineHost.StartAsync(catalog);

        // Act
        var snapshot = await engine.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));

        // Assert
        snapshot.Service("broken").Status.Should().Be(StatusLevel.Unknown);
        snapshot.Service("broken").Error.Should().Be("HTTP 500 Internal Server Error");
        snapshot.Service("refused").Status.Should().Be(StatusLevel.Unknown);
        snapshot.Service("refused").Error.Should().Be("Connection refused");
    }

    [Fact]
    public async Task Engine_PollsOncePerInterval_NotPerReader()
    {
        // Arrange
        Page("one", StatuspageJson.Summary("none"));
        await using var engine = await EngineHost.StartAsync(Catalog("one"));
        await engine.Store.WaitForAsync(s => s.Service("one").CheckedAt is not null);

        // Act: many reads of the store; then less than the shortest jittered interval passes.
        for (var i = 0; i < 100; i++)
        {
            _ = engine.Store.Current.Json;
        }
        engine.Time.Advance(TimeSpan.FromSeconds(53));

        // Assert
        _upstream.Hits("/one/api/v2/summary.json").Should().Be(1);

        // Act: past the longest jittered interval the second poll happens.
        engine.Time.Advance(TimeSpan.FromSeconds(14));
        await _upstream.WaitForHitsAsync("/one/api/v2/summary.json", 2);
        _upstream.Hits("/one/api/v2/summary.json").Should().Be(2);
    }

    [Fact]
    public async Task Engine_LevelChange_SetsLastChangedAt_FreshnessOnlyDoesNot()
    {
        // Arrange
        Page("svc", StatuspageJson.Summary("none"));
        // Freshness-only results are published at once here, so the test never moves the clock mid-request.
        await using var engine = await EngineHost.StartAsync(Catalog("svc"), new Dictionary<string, string?> { ["StatusBoard:FreshnessInterval"] = "00:00:00.001" });
        var first = (await engine.Store.WaitForAsync(s => s.Service("svc").CheckedAt is not null)).Service("svc");

        // Act: an unchanged poll, then a changed one.
        engine.Time.Advance(TimeSpan.FromSeconds(67));
        var unchanged = (await engine.Store.WaitForAsync(s => s.Service("svc").CheckedAt > first.CheckedAt)).Service("svc");
        Page("svc", StatuspageJson.Summary("critical"));
        engine.Time.Advance(TimeSpan.FromSeconds(67));
        var changed = (await engine.Store.WaitForAsync(s => s.Service("svc").Status == StatusLevel.MajorOutage)).Service("svc");

        // Assert
        unchanged.LastChangedAt.Should().Be(first.LastChangedAt);
        changed.LastChangedAt.Should().Be(changed.CheckedAt).And.BeAfter(first.LastChangedAt!.Value);
    }
}

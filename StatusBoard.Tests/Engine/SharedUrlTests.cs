using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// Two catalog entries on one URL (e.g. the same page with two component filters): each entry keeps its own
/// endpoint memory, so each counts only its own requests and backs off exactly as a lone entry would.
/// </summary>
public sealed class SharedUrlTests : IAsyncLifetime
{
    private const string Path = "/shared/api/v2/summary.json";
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task TwoEntriesOnOneFailingUrl_BreakerCountsAndBackoffAsForOne()
    {
        // Arrange
        _upstream.SetStatus(Path, 500, "broken");
        var catalog = TestCatalog.Write([new("one", _upstream.Url(Path)), new("two", _upstream.Url(Path))]);
        await using var engine = await EngineHost.StartAsync(catalog, new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });

        // Act: five minutes, minute by minute, noting the minutes at which the upstream was called.
        var hitsAt = new List<int> { 2 };
        for (var minute = 1; minute <= 5; minute++)
        {
            await engine.WaitForCompletedPollsAsync(2L * minute);
            var before = _upstream.Hits(Path);
            engine.Time.Advance(TimeSpan.FromMinutes(1));
            await engine.WaitForCompletedPollsAsync(2L * (minute + 1));
            hitsAt.Add(_upstream.Hits(Path) - before);
        }

        // Assert: as for one entry (failures at 0, 1, 2 min, then a 2 min backoff), twice.
        hitsAt.Should().Equal(2, 2, 2, 0, 2, 0);
        foreach (var id in new[] { "one", "two" })
        {
            engine.Store.Current.Service(id).Error.Should().StartWith("Failing since 2026-11-25 12:00 UTC (4 failures in a row)");
        }
    }
}

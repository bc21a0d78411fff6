using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components.History;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Tests.Web.Components;

/// <summary>Each tile's last-24-hours strip: read from the history, shared, rebuilt only when it changes.</summary>
public sealed class TileStripTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero));
    private readonly HistoryDatabase _database = TestHistory.NewDatabase();

    private void Record(params LevelTransition[] transitions)
    {
        var batch = new HistoryBatch();
        batch.Transitions.AddRange(transitions);
        new HistoryWriter(_database).Write(batch, _time.GetUtcNow());
    }

    private ServiceStatus Status() => ServiceStatus.Pending("acme", "Acme", "Cloud", null) with
    {
        Status = StatusLevel.Operational, CheckedAt = _time.GetUtcNow(), Error = null,
    };

    [Fact]
    public void Tile_ShowsTwentyFourHourlyBars_WithTheOutageHour_AndIsRebuiltOnlyWhenTheStripChanges()
    {
        // Arrange: operational since two days ago, a partial outage from 09:10 to 09:40 today.
        var now = _time.GetUtcNow();
        Record(
            new LevelTransition("acme", now.AddDays(-2), StatusLevel.Unknown, StatusLevel.Operational, null),
            new LevelTransition("acme", now.Date.AddHours(9).AddMinutes(10), StatusLevel.Operational, StatusLevel.PartialOutage, "errors"),
            new LevelTransition("acme", now.Date.AddHours(9).AddMinutes(40), StatusLevel.PartialOutage, StatusLevel.Operational, null));
        var strips = new RecentStrips(new HistoryQueries(new HistoryReader(_database), _time), _time, NullLogger<RecentStrips>.Instance);
        var tiles = new TileMarkupCache(strips);
        var status = Status();
        strips.Refresh();

        // Act
        var markup = tiles.For(status, pinned: false).Value;

        // Assert: 24 hours, oldest first, the current hour (12:00) last, 09:00 three before it; equal hours merged.
        var bars = System.Text.RegularExpressions.Regex.Matches(markup, "uptime-bar [^\"]*\" data-level=\"([a-z_]+)\"(?: data-span=\"(\\d+)\")?")
            .Select(m => (Level: m.Groups[1].Value, Span: m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1))
            .ToList();
        bars.Sum(b => b.Span).Should().Be(24);
        bars.Select(b => b.Level).Should().Equal("operational", "partial_outage", "operational");
        bars.Select(b => b.Span).Should().Equal(20, 1, 3);
        var text = System.Net.WebUtility.HtmlDecode(markup);
        text.Should().Contain("09:00–10:00 UTC: Partial outage · 50 % operational");
        text.Should().Contain("13:00–09:00 UTC: Operational · 100 % operational").And.Contain("10:00–13:00 UTC: Operational");

        var built = tiles.Built;
        strips.Refresh(); // same history: the same strip instance, no rebuild
        tiles.For(status, pinned: false);
        tiles.Built.Should().Be(built);

        Record(new LevelTransition("acme", now.AddMinutes(5), StatusLevel.Operational, StatusLevel.Degraded, "slow"));
        _time.Advance(TimeSpan.FromMinutes(6));
        strips.Refresh();
        tiles.For(status, pinned: false).Value.Should().Contain("data-level=\"degraded\"");
        tiles.Built.Should().Be(built + 1);
    }

    [Fact]
    public void Tile_WithoutHistory_HasNoStrip()
    {
        var strips = new RecentStrips(new HistoryQueries(new HistoryReader(_database), _time), _time, NullLogger<RecentStrips>.Instance);
        strips.Refresh();

        new TileMarkupCache(strips).For(Status(), pinned: false).Value.Should().NotContain("tile-strip");
    }

    [Fact]
    public async Task ALevelChangeCommittedToTheHistory_RefreshesTheStrips_WithoutWaitingForTheNextMinute()
    {
        // Arrange: the whole app on a fake clock that never reaches the strips' one-minute refresh.
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("critical"));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("a", upstream.Url("/a/api/v2/summary.json"))]);
        await using var app = new StatusBoardApp(catalog, _time);
        _ = app.Server;
        var strips = app.Services.GetRequiredService<RecentStrips>();
        var showsOutage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (strips.For("a") is { } strip && strip.Contains("data-level=\"major_outage\"", StringComparison.Ordinal))
            {
                showsOutage.TrySetResult();
            }
        }
        strips.Refreshed += Check;
        Check(); // a refresh may have finished before the handler was attached

        // Act: the first poll finds a major outage; the recorder commits the transition.
        await app.Store.WaitForAsync(s => s.Service("a").Status == StatusLevel.MajorOutage);

        // Assert: a refresh on the thread pool after the real SQLite commit, long before the fake clock's minute.
        await showsOutage.Task.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
        strips.Refreshed -= Check;
    }
}

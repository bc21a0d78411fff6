using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>Rows older than the retention go; open incidents and recent rows stay (on both stores).</summary>
public sealed class HistoryPruningTests
{
    private static HistoryBatch Seed()
    {
        var batch = new HistoryBatch();
        batch.Transitions.AddRange([
            Transition("old", "2026-11-19T00:00:00Z", StatusLevel.Unknown, StatusLevel.Degraded),
            Transition("old", "2026-11-20T00:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
            Transition("mid", "2026-11-24T00:00:00Z", StatusLevel.Unknown, StatusLevel.PartialOutage),
            Transition("recent", "2026-11-25T11:00:00Z", StatusLevel.Unknown, StatusLevel.MajorOutage),
        ]);
        batch.AddStored(
            StoredIncident("gone", "resolved-long-ago", "2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z"),
            StoredIncident("gone", "resolved-yesterday", "2026-11-23T00:00:00Z", "2026-11-24T06:00:00Z"),
            StoredIncident("gone", "open-for-weeks", "2026-11-01T00:00:00Z", null));
        return batch;
    }

    private static string[] TransitionServices(HistoryDatabase database) =>
        [.. new HistoryReader(database).RecordedLevels().Keys.Order(StringComparer.Ordinal)];


    private static string[] IncidentIds(HistoryDatabase database) =>
        [.. new HistoryReader(database).Incidents("gone", DateTimeOffset.MinValue.AddYears(1)).Select(i => i.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Prune_DeletesTransitionsAndResolvedIncidentsOlderThanTheCutoff_KeepsOpenAndRecent(HistoryStoreKind kind)
    {
        var store = await TestHistoryStore.CreateAsync(kind);
        var database = store.Database();
        var writer = new HistoryWriter(database);
        writer.Write(Seed(), Utc("2026-11-25T12:00:00Z"));

        var deleted = writer.Prune(Utc("2026-11-23T12:00:00Z"));

        deleted.Should().Be(2, "old's first transition and one resolved incident are older than the cutoff");
        store.Count("SELECT count(*) FROM transitions").Should().Be(3);
        new HistoryReader(database).RecordedLevels().Should().Equal(new Dictionary<string, StatusLevel>
        {
            ["old"] = StatusLevel.Operational, ["mid"] = StatusLevel.PartialOutage, ["recent"] = StatusLevel.MajorOutage,
        }, "each service's newest transition before the cutoff is the level it is still in");
        IncidentIds(database).Should().Equal("open-for-weeks", "resolved-yesterday");

        writer.Prune(Utc("2026-11-25T12:00:00Z")).Should().Be(1, "only the incident resolved yesterday; every transition left is a current level");
        TransitionServices(database).Should().Equal("mid", "old", "recent");
        IncidentIds(database).Should().Equal("open-for-weeks");
        writer.Prune(Utc("2026-11-25T12:00:00Z")).Should().Be(0);
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Recorder_PrunesAtStart_AndAgainWhenTheClockPassesThePruneInterval(HistoryStoreKind kind)
    {
        // Arrange: a database with rows of several ages; the host's clock starts at 2026-11-25T12:00Z.
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/live/api/v2/summary.json", StatuspageJson.Summary("none"));
        var store = await TestHistoryStore.CreateAsync(kind);
        var database = store.Database();
        new HistoryWriter(database).Write(Seed(), Utc("2026-11-25T11:00:00Z"));
        var catalog = TestCatalog.Write([new("live", upstream.Url("/live/api/v2/summary.json"))]);

        // Act: start with a two-day retention, pruned every hour.
        var settings = store.Settings;
        settings["StatusBoard:History:Retention"] = "2.00:00:00";
        settings["StatusBoard:History:PruneInterval"] = "01:00:00";
        await using var engine = await EngineHost.StartAsync(catalog, settings);

        // Assert: what is older than 2 days (before 11-23 12:00) is gone at start, except the level "old" is still in.
        store.Count($"SELECT count(*) FROM transitions WHERE service = 'old' AND at < {Utc("2026-11-23T12:00:00Z").ToUnixTimeMilliseconds()}")
            .Should().Be(1);
        TransitionServices(database).Should().Contain(["old", "mid", "recent"]);
        IncidentIds(database).Should().Equal("open-for-weeks", "resolved-yesterday");

        // Act: 30 minutes later, before the next prune, nothing else goes.
        engine.Time.Advance(TimeSpan.FromMinutes(30));
        IncidentIds(database).Should().Contain("resolved-yesterday");

        // Act: a day later (cutoff 11-24 12:30), the background prune deletes the incident resolved 11-24 06:00.
        engine.Time.Advance(TimeSpan.FromDays(1));
        await WaitForHistoryAsync(engine.Services.GetRequiredService<HistoryHealth>(), () => !IncidentIds(database).Contains("resolved-yesterday"), "the background prune after the clock moved");

        // Assert
        TransitionServices(database).Should().Contain(["old", "mid", "recent"]);
        IncidentIds(database).Should().Equal(["open-for-weeks"], "open incidents are never pruned");
        engine.Services.GetRequiredService<HistoryHealth>().Healthy.Should().BeTrue();
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Prune_KeepsTheLevelAServiceIsStillIn(HistoryStoreKind kind)
    {
        // A service operational since before the cutoff, with no change since: its only transition is what says
        // which level the remaining window starts in. Pruning it must not turn the recent days into "no data".
        var database = (await TestHistoryStore.CreateAsync(kind)).Database();
        var writer = new HistoryWriter(database);
        var batch = new HistoryBatch();
        batch.Transitions.AddRange([
            Transition("steady", "2026-11-10T08:00:00Z", StatusLevel.Unknown, StatusLevel.Degraded),
            Transition("steady", "2026-11-15T08:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ]);
        writer.Write(batch, Utc("2026-11-15T08:00:00Z"));
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));

        writer.Prune(time.GetUtcNow() - TimeSpan.FromDays(7)); // Retention = 7 days

        var days = new HistoryQueries(new HistoryReader(database), time).Daily("steady", 3, TimeZoneInfo.Utc);
        days.Should().OnlyContain(d => d.Worst == StatusLevel.Operational && d.Operational == 1,
            "the service has been operational since 11-15; only older changes may go");
        new HistoryReader(database).RecordedLevels().Should().ContainKey("steady").WhoseValue.Should().Be(StatusLevel.Operational);
    }
}

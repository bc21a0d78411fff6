using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>A run that was killed (no clean stop) must not leave its last level running on as uptime.</summary>
public sealed class HistoryCrashTests
{
    private static List<LevelTransition> TransitionsOf(HistoryDatabase database, string service) =>
        new HistoryReader(database).Transitions(service, DateTimeOffset.MinValue.AddYears(1));

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task StartAfterAKill_RecordsUnknownFromWhenTheLastRunWasLastAlive(HistoryStoreKind kind)
    {
        // Arrange: a previous run saw "a" operational at 10:00, was last alive (heartbeat) at 10:30, then was killed.
        var store = await TestHistoryStore.CreateAsync(kind);
        var database = store.Database();
        var writer = new HistoryWriter(database);
        var batch = new HistoryBatch();
        batch.Transitions.Add(Transition("a", "2026-11-25T10:00:00Z", StatusLevel.Unknown, StatusLevel.Operational));
        writer.Write(batch, Utc("2026-11-25T10:00:00Z"));
        writer.Heartbeat(Utc("2026-11-25T10:30:00Z"));
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Hang("/a/api/v2/summary.json");
        var catalog = TestCatalog.Write([new("a", upstream.Url("/a/api/v2/summary.json"))]);

        // Act: the next run starts at 12:00 (its clock) and stops.
        await using (await EngineHost.StartAsync(catalog, store.Settings))
        {
        }

        // Assert: operational until 10:30, unknown since — not operational until 12:00.
        var transitions = TransitionsOf(database, "a");
        transitions.Should().HaveCount(2);
        transitions[1].Should().BeEquivalentTo(new LevelTransition("a", Utc("2026-11-25T10:30:00Z"), StatusLevel.Operational, StatusLevel.Unknown,
            HistoryTracker.InterruptedReason));
        var today = new HistoryQueries(new HistoryReader(database), new FakeTimeProvider(Utc("2026-11-25T12:00:00Z")))
            .Daily("a", 1, TimeZoneInfo.Utc).Single();
        today.Operational.Should().Be(1);
        today.Coverage.Should().BeApproximately(0.5 / 12, 1e-9, "only 10:00-10:30 of the 12 hours so far is known");
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task StartAfterACleanStop_AddsNothing(HistoryStoreKind kind)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("a", upstream.Url("/a/api/v2/summary.json"))]);
        var store = await TestHistoryStore.CreateAsync(kind);
        var settings = store.Settings;
        await using (var first = await EngineHost.StartAsync(catalog, settings))
        {
            await first.WaitForCompletedPollsAsync(1);
        }
        var database = store.Database();
        var afterFirst = TransitionsOf(database, "a");

        upstream.Hang("/a/api/v2/summary.json");
        await using (await EngineHost.StartAsync(catalog, settings))
        {
        }

        afterFirst.Select(t => t.Reason).Should().Contain(HistoryTracker.StoppedReason);
        TransitionsOf(database, "a").Should().BeEquivalentTo(afterFirst, "a clean stop already closed every level");
    }
}

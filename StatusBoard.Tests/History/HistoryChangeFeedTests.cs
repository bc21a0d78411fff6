using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>History records every content change from the store's ordered feed, not diffs of the latest snapshot.</summary>
public sealed class HistoryChangeFeedTests
{
    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task QuickSuccessionOfLevels_EveryTransitionIsRecorded_InOrder(HistoryStoreKind kind)
    {
        // Arrange
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));
        using var store = TestStores.Create(time, ("svc", "Test"));
        var database = (await TestHistoryStore.CreateAsync(kind)).Database();
        var reader = new HistoryReader(database);
        using var recorder = new HistoryRecorder(store, new HistoryWriter(database), reader, new HistoryHealth(),
            Options.Create(new HistoryOptions()), time, NullLogger<HistoryRecorder>.Instance);
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await recorder.StartedAsync(TestContext.Current.CancellationToken);

        // Act: A → B → A faster than any latest-only watcher is guaranteed to look.
        store.Set(time, "svc", StatusLevel.Degraded, "Slow");
        store.Set(time, "svc", StatusLevel.MajorOutage, "Down");
        store.Set(time, "svc", StatusLevel.Degraded, "Slow again");
        await recorder.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        reader.Transitions("svc", Utc("2026-11-24T00:00:00Z")).Select(t => (t.From, t.To, t.Reason)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.Degraded, "Slow"),
            (StatusLevel.Degraded, StatusLevel.MajorOutage, "Down"),
            (StatusLevel.MajorOutage, StatusLevel.Degraded, "Slow again"),
            (StatusLevel.Degraded, StatusLevel.Unknown, HistoryTracker.StoppedReason));
    }
}

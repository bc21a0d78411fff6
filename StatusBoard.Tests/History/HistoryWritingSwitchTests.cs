using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>Only the node told to write does (a cluster's leader); a node that takes over resumes from the database.</summary>
public sealed class HistoryWritingSwitchTests
{
    private static HistoryRecorder Recorder(SnapshotStore store, HistoryDatabase database, HistoryHealth health, FakeTimeProvider time) =>
        new(store, new HistoryWriter(database), new HistoryReader(database), health, Options.Create(new HistoryOptions()), time,
            NullLogger<HistoryRecorder>.Instance);

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task StoppedWriting_ChangesAndStopAreNotWritten(HistoryStoreKind kind)
    {
        // Arrange: a follower.
        var history = await TestHistoryStore.CreateAsync(kind);
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));
        using var store = TestStores.Create(time, ("svc", "Test"));
        using var recorder = Recorder(store, history.Database(), new HistoryHealth(), time);
        recorder.StopWriting();
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await recorder.StartedAsync(TestContext.Current.CancellationToken);

        // Act: a change, a flush, and a stop (which drains every change still queued).
        store.Set(time, "svc", StatusLevel.MajorOutage, "Down");
        recorder.Flush();
        await recorder.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        recorder.IsWriting.Should().BeFalse();
        history.Count("SELECT count(*) FROM transitions").Should().Be(0);
        history.Count("SELECT count(*) FROM last_status").Should().Be(0);
        new HistoryReader(history.Database()).LastAlive().Should().BeNull("a follower does not beat for the history");
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task TakingOver_RecordsOnlyWhatTheOldWriterDidNot_NoDuplicateNoGap(HistoryStoreKind kind)
    {
        // Arrange: a leader that writes and a follower that sees the same statuses; both on one database.
        var history = await TestHistoryStore.CreateAsync(kind);
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));
        using var leaderStore = TestStores.Create(time, ("a", "Test"), ("b", "Test"));
        using var followerStore = TestStores.Create(time, ("a", "Test"), ("b", "Test"));
        var leaderHealth = new HistoryHealth();
        var leader = Recorder(leaderStore, history.Database(), leaderHealth, time);
        using var follower = Recorder(followerStore, history.Database(), new HistoryHealth(), time);
        follower.StopWriting();
        foreach (var recorder in new[] { leader, follower })
        {
            await recorder.StartAsync(TestContext.Current.CancellationToken);
            await recorder.StartedAsync(TestContext.Current.CancellationToken);
        }
        var reader = new HistoryReader(history.Database());

        // Act: the leader records "a"; it dies (no clean stop) before it records "b", which the follower also saw.
        leaderStore.Set(time, "a", StatusLevel.Degraded, "Slow");
        followerStore.Set(time, "a", StatusLevel.Degraded, "Slow");
        await WaitForHistoryAsync(leaderHealth, () => reader.RecordedLevels().ContainsKey("a"), "the leader's write of a",
            between: () => time.Advance(TimeSpan.FromSeconds(2)));
        leader.Dispose();
        followerStore.Set(time, "b", StatusLevel.MajorOutage, "Down");
        follower.StartWriting();
        await follower.StopAsync(TestContext.Current.CancellationToken);

        // Assert: "a" once, "b" once, each closed by the new writer's stop.
        reader.Transitions("a", Utc("2026-11-24T00:00:00Z")).Select(t => (t.From, t.To)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.Degraded), (StatusLevel.Degraded, StatusLevel.Unknown));
        reader.Transitions("b", Utc("2026-11-24T00:00:00Z")).Select(t => (t.From, t.To, t.Reason)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.MajorOutage, "Down"), (StatusLevel.MajorOutage, StatusLevel.Unknown, HistoryTracker.StoppedReason));
    }
}

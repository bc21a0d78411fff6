using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>The recorder's last words at StopAsync: every status, and "stopped" → unknown from the level last seen.</summary>
public sealed class HistoryRecorderStopTests
{
    private sealed record Parts(HistoryRestorer Restorer, HistoryRecorder Recorder, SnapshotStore Store, HistoryReader Reader, HistoryHealth Health,
        FakeTimeProvider Time) : IDisposable
    {
        /// <summary>The hosted order: restore, then record.</summary>
        public async Task StartAsync()
        {
            await Restorer.StartAsync(TestContext.Current.CancellationToken);
            await Recorder.StartAsync(TestContext.Current.CancellationToken);
            await Recorder.StartedAsync(TestContext.Current.CancellationToken);
        }

        public void Dispose()
        {
            Recorder.Dispose();
            Store.Dispose();
        }
    }

    private static Parts Create(TestHistoryStore history, params string[] services)
    {
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));
        var store = TestStores.Create(time, [.. services.Select(s => (s, "Test"))]);
        var database = history.Database();
        var reader = new HistoryReader(database);
        var health = new HistoryHealth();
        var recorder = new HistoryRecorder(store, new HistoryWriter(database), reader, health,
            Options.Create(new HistoryOptions()), time, NullLogger<HistoryRecorder>.Instance);
        var restorer = new HistoryRestorer(store, reader, health, database, time, NullLogger<HistoryRestorer>.Instance);
        return new Parts(restorer, recorder, store, reader, health, time);
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Stop_WritesStatusesAndStoppedTransitions_ThatTheNextStartResumesFrom(HistoryStoreKind kind)
    {
        var history = await TestHistoryStore.CreateAsync(kind);
        using (var first = Create(history, "a", "b", "never"))
        {
            await first.StartAsync();
            first.Store.Set(first.Time, "a", StatusLevel.PartialOutage, "Partial");
            first.Store.Set(first.Time, "b", StatusLevel.Operational, "Fine");
            await WaitForHistoryAsync(first.Health, () => first.Health.BatchesWritten > 0 && first.Health.Pending == 0 && first.Reader.RecordedLevels().Count == 2,
                "the readings collected and written", between: () => first.Time.Advance(TimeSpan.FromSeconds(2)));
            first.Time.Advance(TimeSpan.FromMinutes(5));

            await first.Recorder.StopAsync(TestContext.Current.CancellationToken);
        }

        using var second = Create(history, "a", "b", "never");
        var stoppedAt = Utc("2026-11-25T12:00:00Z");
        var a = second.Reader.Transitions("a", stoppedAt.AddDays(-1));
        a.Select(t => (t.From, t.To, t.Reason)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.PartialOutage, "Partial"),
            (StatusLevel.PartialOutage, StatusLevel.Unknown, "StatusBoard stopped"));
        second.Reader.Transitions("never", stoppedAt.AddDays(-1)).Should().BeEmpty("a service never read has no level to lose");
        second.Reader.RecordedLevels().Should().BeEquivalentTo(new Dictionary<string, StatusLevel> { ["a"] = StatusLevel.Unknown, ["b"] = StatusLevel.Unknown });

        await second.StartAsync();
        var restored = second.Store.Current;
        restored.Service("a").Should().Match<ServiceStatus>(s => s.Stale && s.Status == StatusLevel.PartialOutage && s.Summary == "Partial");
        restored.Service("never").Should().Match<ServiceStatus>(s => !s.Stale && s.CheckedAt == null);
        await second.Recorder.StopAsync(TestContext.Current.CancellationToken);
        second.Reader.Transitions("a", stoppedAt.AddDays(-1)).Should().HaveCount(2, "a restored, never re-read status adds no transition when stopping again");
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Stop_RightAfterAChange_StillRecordsThatChange(HistoryStoreKind kind)
    {
        // The engine stops just before the recorder: its last poll's snapshot may be published a moment before
        // StopAsync. Repeated because the window is a thread-pool hop wide.
        var lost = new List<int>();
        for (var round = 0; round < 30; round++)
        {
            using var parts = Create(await TestHistoryStore.CreateAsync(kind), "svc");
            await parts.StartAsync();

            parts.Store.Set(parts.Time, "svc", StatusLevel.MajorOutage, "Down");
            await parts.Recorder.StopAsync(TestContext.Current.CancellationToken);

            var transitions = parts.Reader.Transitions("svc", Utc("2026-11-24T00:00:00Z")).Select(t => (t.From, t.To)).ToArray();
            if (!transitions.SequenceEqual([(StatusLevel.Unknown, StatusLevel.MajorOutage), (StatusLevel.MajorOutage, StatusLevel.Unknown)]))
            {
                lost.Add(round);
            }
        }

        lost.Should().BeEmpty("the last snapshot before StopAsync must be collected (its transition and the 'stopped' one)");
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components.History;

namespace StatusBoard.Tests.Web.Components;

/// <summary>The tile strips' refresh loop survives a failed refresh of any kind.</summary>
public sealed class RecentStripsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Loop_RefreshThrowsANonDatabaseException_KeepsRunningAndRefreshesAtTheNextInterval()
    {
        // Arrange: a history with one service; the first query fails with an error that is not the database's.
        var database = TestHistory.NewDatabase();
        var batch = new HistoryBatch();
        batch.Transitions.Add(new LevelTransition("acme", s_now.AddDays(-1), StatusLevel.Unknown, StatusLevel.Operational, null));
        new HistoryWriter(database).Write(batch, s_now);
        var queryClock = new FailsOnceClock(s_now);
        var loopClock = new TimerSignallingClock(s_now);
        using var strips = new RecentStrips(new HistoryQueries(new HistoryReader(database), queryClock), loopClock, NullLogger<RecentStrips>.Instance);

        // Act: start; the first refresh throws, then the loop waits for its next refresh.
        await strips.StartAsync(TestContext.Current.CancellationToken);
        var waiting = await Task.WhenAny(loopClock.TimerCreated.Task, strips.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Assert: the loop did not end (a BackgroundService that ends with an exception stops the host) ...
        strips.ExecuteTask!.IsCompleted.Should().BeFalse($"the refresh loop must survive a failed refresh, but it ended: {strips.ExecuteTask.Exception?.InnerException?.Message}");
        waiting.Should().BeSameAs(loopClock.TimerCreated.Task);
        // ... and the next interval refreshes the strips.
        loopClock.Advance(RecentStrips.RefreshInterval);
        await queryClock.SecondQuery.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await strips.StopAsync(TestContext.Current.CancellationToken);
        strips.For("acme").Should().NotBeNull();
    }

    private sealed class FailsOnceClock(DateTimeOffset now) : FakeTimeProvider(now)
    {
        private int _calls;

        public TaskCompletionSource SecondQuery { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override DateTimeOffset GetUtcNow()
        {
            switch (Interlocked.Increment(ref _calls))
            {
                case 1:
                    throw new ArgumentOutOfRangeException(nameof(GetUtcNow), "not a database failure");
                case 2:
                    SecondQuery.TrySetResult();
                    break;
            }
            return base.GetUtcNow();
        }
    }

    private sealed class TimerSignallingClock(DateTimeOffset now) : FakeTimeProvider(now)
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }
}

using StatusBoard.Core.Notifications.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// The notification rules read the same ordered changes as the history, under the same lock, and their messages go
/// into the same batch: an outbox row is committed in the transaction of the history rows that caused it, or not at all.
/// </summary>
public sealed partial class HistoryRecorder
{
    private ITimer? _rulesTimer;

    private void StartNotifications(Snapshot.Snapshot start)
    {
        if (rules is null)
        {
            return;
        }
        lock (_gate)
        {
            rules.Start(start);
        }
        // A hold that matures, a group window that closes, quiet hours that end: due without a new poll.
        _rulesTimer = time.CreateTimer(_ => OnRulesDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Called under <see cref="_gate"/> for each change that is more than freshness.</summary>
    private void ObserveNotifications(SnapshotChange change)
    {
        if (rules is null)
        {
            return;
        }
        rules.Observe(change, time.GetUtcNow(), _pending.Outbox);
        ScheduleRules();
    }

    private void OnRulesDue()
    {
        bool queued;
        lock (_gate)
        {
            var before = _pending.Outbox.Count;
            rules!.Tick(time.GetUtcNow(), _pending.Outbox);
            queued = _pending.Outbox.Count != before;
            ScheduleRules();
        }
        if (queued)
        {
            _due.Release();
        }
    }

    /// <summary>At stop, open group windows are sent rather than lost (held levels are not: they never held).</summary>
    private void StopNotifications()
    {
        _rulesTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        rules?.Tick(time.GetUtcNow(), _pending.Outbox, closeGroups: true);
    }

    private void ScheduleRules()
    {
        if (rules!.NextDue(time.GetUtcNow()) is { } due)
        {
            // Never zero: everything due now was just handled, and a zero due time would fire inside this lock.
            var wait = due - time.GetUtcNow();
            _rulesTimer?.Change(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
        }
        else
        {
            _rulesTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}

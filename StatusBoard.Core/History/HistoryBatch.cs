using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>Everything one flush of the writer commits in one transaction.</summary>
public sealed class HistoryBatch
{
    public List<LevelTransition> Transitions { get; } = [];

    public List<IncidentRecord> Incidents { get; } = [];

    public List<IncidentResolution> Resolutions { get; } = [];

    /// <summary>Latest full status per service (a later one replaces an earlier one in the same batch).</summary>
    public Dictionary<string, ServiceStatus> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages for the notifications outbox, committed with the history rows that caused them.</summary>
    public List<NotificationMessage> Outbox { get; } = [];

    public bool IsEmpty => Transitions.Count == 0 && Incidents.Count == 0 && Resolutions.Count == 0 && Statuses.Count == 0 && Outbox.Count == 0;

    public int Count => Transitions.Count + Incidents.Count + Resolutions.Count + Statuses.Count + Outbox.Count;

    /// <summary>Drops the oldest transitions, then the oldest incident changes, down to <paramref name="maxRows"/>; returns how many.</summary>
    public int TrimOldest(int maxRows)
    {
        var dropped = 0;
        var excess = Transitions.Count + Incidents.Count - maxRows;
        if (excess > 0)
        {
            var fromTransitions = Math.Min(excess, Transitions.Count);
            Transitions.RemoveRange(0, fromTransitions);
            Incidents.RemoveRange(0, excess - fromTransitions);
            dropped = excess;
        }
        return dropped;
    }

    /// <summary>Appends <paramref name="later"/> (a batch collected after this one) so nothing is lost on a retry.</summary>
    public void Append(HistoryBatch later)
    {
        Transitions.AddRange(later.Transitions);
        Incidents.AddRange(later.Incidents);
        Resolutions.AddRange(later.Resolutions);
        Outbox.AddRange(later.Outbox);
        foreach (var (id, status) in later.Statuses)
        {
            Statuses[id] = status;
        }
    }
}

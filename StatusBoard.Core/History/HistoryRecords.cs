using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>A service's level changed from <paramref name="From"/> to <paramref name="To"/> at <paramref name="At"/>.</summary>
public sealed record LevelTransition(string Service, DateTimeOffset At, StatusLevel From, StatusLevel To, string? Reason);

/// <summary>An incident (or maintenance in progress) as last seen; <see cref="ResolvedAt"/> is null while it is open.</summary>
public sealed record IncidentRecord(
    string Service,
    string Id,
    string Kind,
    string Title,
    string Status,
    StatusLevel Impact,
    DateTimeOffset StartedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset LastSeen,
    string? Url,
    IReadOnlyList<IncidentUpdate> Updates)
{
    /// <summary>See <see cref="HistoryTracker.Fingerprint"/>.</summary>
    public string Fingerprint => HistoryTracker.Fingerprint(Title, Status, Impact, Updates.Count, UpdatedAt);

    public const string IncidentKind = "incident";
    public const string MaintenanceKind = "maintenance";
}

/// <summary>An open incident that is no longer on its status page: resolved at <paramref name="At"/>.</summary>
public sealed record IncidentResolution(string Service, string Id, DateTimeOffset At);

/// <summary>Everything one flush of the writer commits in one transaction.</summary>
public sealed class HistoryBatch
{
    public List<LevelTransition> Transitions { get; } = [];

    public List<IncidentRecord> Incidents { get; } = [];

    public List<IncidentResolution> Resolutions { get; } = [];

    /// <summary>Latest full status per service (a later one replaces an earlier one in the same batch).</summary>
    public Dictionary<string, ServiceStatus> Statuses { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Transitions.Count == 0 && Incidents.Count == 0 && Resolutions.Count == 0 && Statuses.Count == 0;

    public int Count => Transitions.Count + Incidents.Count + Resolutions.Count + Statuses.Count;

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
        foreach (var (id, status) in later.Statuses)
        {
            Statuses[id] = status;
        }
    }
}

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

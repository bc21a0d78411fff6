namespace StatusBoard.Core.Snapshot;

/// <summary>One component of a service as its status page reports it.</summary>
/// <see cref="Watched"/> is false for components outside the catalog entry's <c>components</c> filter:
/// still listed in the details, but not counted in the service's level.
public sealed record ComponentStatus(string Id, string Name, StatusLevel Status, string? Group = null, bool Watched = true);

/// <summary>Our own probe of a service (the entry's <c>probe</c> URL), shown as "observed" beside the official status.</summary>
public sealed record ObservedStatus(StatusLevel Status, DateTimeOffset? CheckedAt, int? ResponseTimeMs, string? Error);

/// <summary>One posted update of an incident or maintenance (newest first in lists).</summary>
public sealed record IncidentUpdate(DateTimeOffset? At, string Status, string Body);

/// <summary>An unresolved incident: <see cref="Impact"/> is the level it pushes the service to.</summary>
public sealed record Incident(
    string Id,
    string Title,
    string Status,
    StatusLevel Impact,
    DateTimeOffset? StartedAt,
    DateTimeOffset? UpdatedAt,
    string? Url,
    IReadOnlyList<string> Components,
    IReadOnlyList<IncidentUpdate> Updates);

/// <summary>A maintenance window, in progress or upcoming.</summary>
public sealed record Maintenance(
    string Id,
    string Title,
    string Status,
    bool InProgress,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? ScheduledUntil,
    string? Url,
    IReadOnlyList<string> Components,
    IReadOnlyList<IncidentUpdate> Updates);

/// <summary>
/// The normalized, immutable state of one service in a snapshot. A new instance means something about
/// the service changed; the dashboard relies on that to re-render only changed tiles.
/// </summary>
public sealed record ServiceStatus(
    string Id,
    string Name,
    string Category,
    StatusLevel Status,
    string? Summary,
    DateTimeOffset? CheckedAt,
    DateTimeOffset? LastChangedAt,
    int? ResponseTimeMs,
    string? Error,
    string? StatusPageUrl,
    IReadOnlyList<ComponentStatus> Components,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Maintenance> Maintenances,
    bool Stale = false,
    DateTimeOffset? FailingSince = null,
    ObservedStatus? Observed = null)
{
    // Stale: the level shown is the last known one, not a current reading (damped failure, our own network
    // down, restored from the store, or older than three poll intervals). FailingSince: first failed poll
    // of the current run of failures.
    /// <summary>A service that has not been polled yet.</summary>
    public static ServiceStatus Pending(string id, string name, string category, string? statusPageUrl) =>
        new(id, name, category, StatusLevel.Unknown, null, null, null, null, "Not checked yet",
            statusPageUrl, [], [], []);
}

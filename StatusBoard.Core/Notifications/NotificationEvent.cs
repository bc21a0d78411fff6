using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications;

/// <summary>What happened to a service (or to StatusBoard itself) that a route may be told about.</summary>
public enum NotificationEventKind
{
    LevelChanged,
    Recovered,
    IncidentOpened,
    IncidentUpdated,
    IncidentResolved,
    MaintenanceStarted,
    MaintenanceEnded,
    MaintenanceUpcoming,
    StatusBoardOffline,
    StatusBoardOnline,
}

/// <summary>
/// One event about one service, with everything a channel needs to word it. <see cref="At"/> is when the change was
/// seen (waves list their services in this order). Incident fields are set for incident and maintenance events.
/// </summary>
public sealed record NotificationEvent(
    NotificationEventKind Kind,
    string ServiceId,
    string ServiceName,
    string Category,
    StatusLevel From,
    StatusLevel To,
    DateTimeOffset At,
    string? StatusPageUrl = null,
    string? IncidentId = null,
    string? IncidentTitle = null,
    string? IncidentUrl = null,
    string? UpdateId = null,
    string? LatestUpdate = null,
    DateTimeOffset? ScheduledFor = null,
    DateTimeOffset? ScheduledUntil = null);

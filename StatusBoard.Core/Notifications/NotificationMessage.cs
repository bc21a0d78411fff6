using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications;

/// <summary>
/// One message for one route: a single event, a group of events inside the group window, or a wave. Channels only
/// shape it; the wording of <see cref="Title"/> is decided once, before it is queued.
/// </summary>
/// <param name="IdempotencyKey">Stable across retries and restarts: receivers deduplicate on it.</param>
/// <param name="Title">The headline, e.g. "3 services degraded: GitHub Actions, npm, Vercel — 2 mention Azure".</param>
/// <param name="Level">The worst level among the events (operational for a recovery).</param>
/// <param name="Events">In the order the changes were seen.</param>
/// <param name="DashboardUrl">StatusBoard's public address (StatusBoard:Notifications:PublicUrl) or null: channels
/// link to <c>{DashboardUrl}/service/{id}</c> when it is set.</param>
public sealed record NotificationMessage(
    string IdempotencyKey,
    string Route,
    string Title,
    StatusLevel Level,
    bool IsWave,
    IReadOnlyList<NotificationEvent> Events,
    DateTimeOffset CreatedAt,
    string? DashboardUrl);

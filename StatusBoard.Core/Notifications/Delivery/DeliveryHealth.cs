using System.Collections.Concurrent;

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>What each route's last attempts did, for /healthz and the operators' page (details only: never a secret).</summary>
public sealed class DeliveryHealth
{
    private readonly ConcurrentDictionary<string, RouteHealth> _routes = new(StringComparer.Ordinal);

    public RouteHealth? For(string route) => _routes.TryGetValue(route, out var health) ? health : null;

    internal void Record(string route, DeliveryOutcome outcome, DateTimeOffset at) =>
        _routes.AddOrUpdate(route,
            _ => RouteHealth.Empty.After(outcome, at),
            (_, previous) => previous.After(outcome, at));
}

/// <summary>A route's delivery record since start: consecutive failures (reset by a delivery), the last attempt.</summary>
public sealed record RouteHealth(int ConsecutiveFailures, DateTimeOffset? LastAttemptAt, string? LastResult, DateTimeOffset? LastDeliveredAt)
{
    internal static readonly RouteHealth Empty = new(0, null, null, null);

    internal RouteHealth After(DeliveryOutcome outcome, DateTimeOffset at) => outcome.Result == DeliveryResult.Delivered
        ? new RouteHealth(0, at, outcome.Detail, at)
        : this with { ConsecutiveFailures = ConsecutiveFailures + 1, LastAttemptAt = at, LastResult = outcome.Detail };
}

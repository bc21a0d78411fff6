using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StatusBoard.Core.History;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;

namespace StatusBoard.Web.Operations;

/// <summary>
/// Each notification route's delivery: Degraded while a route keeps failing (DegradedAfterFailures attempts in a row).
/// Shows the route's name, channel and counts only: its URL, secret and the SMTP password never appear.
/// </summary>
public sealed class NotificationsHealthCheck(
    IOptionsMonitor<NotificationOptions> notifications,
    IOptionsMonitor<NotificationDeliveryOptions> delivery,
    DeliveryHealth health,
    OutboxStore outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var routes = notifications.CurrentValue.Routes;
        var counts = Counts(out var unreadable);
        var threshold = delivery.CurrentValue.DegradedAfterFailures;
        var data = new Dictionary<string, object>();
        if (unreadable)
        {
            // The history check reports the database (its path for operators only); here, only that counts are missing.
            data["outbox"] = "unreadable";
        }
        var failing = new List<string>();
        foreach (var route in routes)
        {
            var record = health.For(route.Name);
            var count = counts.GetValueOrDefault(route.Name, new OutboxCounts(0, 0));
            var state = record is { ConsecutiveFailures: var failures } && failures >= threshold ? "failing" : "ok";
            if (state == "failing")
            {
                failing.Add(route.Name);
            }
            data["route:" + route.Name] = new Dictionary<string, object>
            {
                ["channel"] = route.Channel,
                ["state"] = state,
                ["consecutiveFailures"] = record?.ConsecutiveFailures ?? 0,
                ["lastResult"] = record?.LastResult ?? "no attempt yet",
                ["lastAttemptAt"] = record?.LastAttemptAt?.ToString("O") ?? "never",
                ["pending"] = count.Pending,
                ["dead"] = count.Dead,
            };
        }
        if (failing.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"notification route failing: {string.Join(", ", failing)}", data: data));
        }
        var description = routes.Count == 0 ? "no notification routes configured" : $"{routes.Count} notification route{(routes.Count == 1 ? "" : "s")} delivering";
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }

    private Dictionary<string, OutboxCounts> Counts(out bool unreadable)
    {
        try
        {
            unreadable = false;
            return outbox.Counts();
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            unreadable = true;
            return [];
        }
    }
}

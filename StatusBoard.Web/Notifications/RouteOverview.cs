using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Notifications;

/// <summary>One route as the operators' page shows it: never its URL, secret or token, only whether they are set.</summary>
public sealed record RouteSummary(
    string Name,
    string Channel,
    string Destination,
    string Filter,
    RouteHealth? Health,
    IReadOnlyList<OutboxLine> Recent,
    IReadOnlyList<OutboxLine> Pending,
    IReadOnlyList<OutboxLine> Dead);

/// <summary>A queued message: when, its title (from the stored message), its state and the last attempt's result.</summary>
public sealed record OutboxLine(long Id, DateTimeOffset At, string Title, string State, int Attempts, string Result);

/// <summary>Builds the operators' view of every configured route from the options, the outbox and the sender's health.</summary>
public sealed class RouteOverview(IOptionsMonitor<NotificationOptions> notifications, OutboxStore outbox, DeliveryHealth health)
{
    private const int Shown = 20;

    public IReadOnlyList<RouteSummary> Routes() => [.. notifications.CurrentValue.Routes.Select(View)];

    private RouteSummary View(NotificationRoute route) => new(
        route.Name,
        route.Channel,
        Destination(route),
        Filter(route),
        health.For(route.Name),
        [.. outbox.Recent(route.Name, Shown).Where(r => r.State != OutboxState.Pending).Select(Line)],
        [.. outbox.InState(route.Name, OutboxState.Pending, Shown).Select(Line)],
        [.. outbox.InState(route.Name, OutboxState.Dead, Shown).Select(Line)]);

    private static string Destination(NotificationRoute route) => route.Channel == "email"
        ? $"{route.To.Count} recipient{(route.To.Count == 1 ? "" : "s")}"
        : (string.IsNullOrEmpty(route.Url) ? "URL not set" : "URL configured") + (string.IsNullOrEmpty(route.Secret) ? "" : ", secret configured");

    private static string Filter(NotificationRoute route)
    {
        var parts = new List<string>
        {
            route.Services.Count > 0 ? "services " + string.Join(", ", route.Services) : "all services",
            "from " + route.MinLevel.ToApiName(),
            route.Events.Count > 0 ? "events " + string.Join(", ", route.Events) : "level changes and incidents",
        };
        if (route.Categories.Count > 0)
        {
            parts.Add("categories " + string.Join(", ", route.Categories));
        }
        if (route.Boards.Count > 0)
        {
            parts.Add("boards " + string.Join(", ", route.Boards));
        }
        if (route.IncludeUnknown)
        {
            parts.Add("unknown included");
        }
        if (route.Operators)
        {
            parts.Add("operators' route");
        }
        if (route.QuietHours is { } quiet)
        {
            parts.Add($"quiet {quiet.From:HH\\:mm}–{quiet.Until:HH\\:mm} {quiet.TimeZone}");
        }
        return string.Join(" · ", parts);
    }

    private static OutboxLine Line(OutboxRow row) => new(
        row.Id,
        row.DeliveredAt ?? row.LastAttemptAt ?? row.CreatedAt,
        OutboxStore.Read(row)?.Title ?? "(unreadable message)",
        row.State,
        row.Attempts,
        row.LastResult ?? "not tried yet");
}

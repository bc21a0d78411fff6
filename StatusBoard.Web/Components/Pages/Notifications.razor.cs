using Microsoft.AspNetCore.Components;
using StatusBoard.Web.Notifications;
using StatusBoard.Web.Operations;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// The operators' view of notification delivery: each route (secrets redacted), its filter, last deliveries, pending
/// and dead-lettered messages. Anyone not an operator (<see cref="OperatorAccess"/>) sees no route data. Read-only:
/// nothing here can send a message.
/// </summary>
public sealed partial class Notifications
{
    private bool _operator;
    private IReadOnlyList<RouteSummary> _routes = [];

    [Inject]
    public required IHttpContextAccessor HttpContextAccessor { get; init; }

    [Inject]
    public required RouteOverview Overview { get; init; }

    protected override void OnInitialized()
    {
        _operator = HttpContextAccessor.HttpContext is { } http && OperatorAccess.IsOperator(http);
        if (_operator)
        {
            _routes = Overview.Routes();
        }
    }

    private static string HealthText(RouteSummary route) => route.Health switch
    {
        null => "no attempt since start",
        { ConsecutiveFailures: > 0 } h => $"failing: {h.ConsecutiveFailures} attempt{(h.ConsecutiveFailures == 1 ? "" : "s")} in a row, last {h.LastResult}",
        { } h => $"delivering (last {h.LastResult} at {h.LastAttemptAt:yyyy-MM-dd HH:mm:ss} UTC)",
    };
}

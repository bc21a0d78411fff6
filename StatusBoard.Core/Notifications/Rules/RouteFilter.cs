using System.Text.RegularExpressions;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>
/// Which services and events a route is told about: a service matches when no filter is set, or when it matches one of
/// the route's services (ids or <c>*</c> globs), categories or boards (case-insensitive).
/// </summary>
internal sealed class RouteFilter(NotificationRoute route, IBoardMembership boards)
{
    private readonly Regex[] _services = [.. route.Services.Select(Glob)];
    private readonly IReadOnlySet<NotificationEventKind> _events = NotificationEventKinds.Of(route);

    public bool Wants(NotificationEventKind kind) => _events.Contains(kind);

    public bool Matches(ServiceStatus service)
    {
        if (route.Services.Count == 0 && route.Categories.Count == 0 && route.Boards.Count == 0)
        {
            return true;
        }
        return _services.Any(g => g.IsMatch(service.Id))
            || route.Categories.Contains(service.Category, StringComparer.OrdinalIgnoreCase)
            || route.Boards.Any(b => boards.IsOn(b, service));
    }

    /// <summary>True when a level is worth telling this route about (unknown only when it opted in).</summary>
    public bool Alerts(StatusLevel level) =>
        level == StatusLevel.Unknown ? route.IncludeUnknown : level.Severity() >= route.MinLevel.Severity() && level.IsProblem();

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}

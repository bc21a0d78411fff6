using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Notifications;

/// <summary>
/// Every problem of <c>StatusBoard:Notifications</c> in one pass, each naming its key: route names, channels (asked of the
/// registered channels, or the six known kinds when none is registered), events, quiet hours and the shared timings.
/// </summary>
public sealed class ValidateNotificationOptions(IEnumerable<INotificationChannel> channels) : IValidateOptions<NotificationOptions>
{
    private const string Key = NotificationOptions.SectionName;

    /// <summary>The channel kinds of the issue, for validating a route before any channel is registered.</summary>
    public static readonly IReadOnlyList<string> KnownKinds = ["slack", "discord", "teams", "webhook", "email", "ntfy"];

    private readonly Dictionary<string, INotificationChannel> _channels =
        channels.GroupBy(c => c.Kind, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = new List<string>(options.BindProblems);
        Positive(problems, options.HoldFor, nameof(options.HoldFor), allowZero: true);
        Positive(problems, options.GroupWindow, nameof(options.GroupWindow), allowZero: true);
        Positive(problems, options.UnknownAfter, nameof(options.UnknownAfter), allowZero: true);
        Positive(problems, options.MaintenanceLeadTime, nameof(options.MaintenanceLeadTime), allowZero: false);
        if (options.WaveThreshold < 2)
        {
            problems.Add($"{Key}:WaveThreshold must be at least 2 (it is {options.WaveThreshold}).");
        }
        if (!string.IsNullOrEmpty(options.PublicUrl) &&
            !(Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            problems.Add($"{Key}:PublicUrl '{options.PublicUrl}' is not an absolute http(s) URL.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            ValidateRoute(problems, options.Routes[i], $"{Key}:Routes:{i}", names);
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void ValidateRoute(List<string> problems, NotificationRoute route, string key, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(route.Name))
        {
            problems.Add($"{key}:name is required (a route's name keys its messages and its deliveries).");
        }
        else if (!names.Add(route.Name.Trim()))
        {
            problems.Add($"{key}:name '{route.Name}' is used by another route; route names must be unique.");
        }
        var kinds = _channels.Count > 0 ? _channels.Keys.Order(StringComparer.Ordinal).ToList() : KnownKinds;
        if (!kinds.Contains(route.Channel, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{key}:channel '{route.Channel}' is not one of: {string.Join(", ", kinds)}.");
        }
        else if (_channels.TryGetValue(route.Channel, out var channel))
        {
            problems.AddRange(channel.Validate(route, key));
        }
        for (var e = 0; e < route.Events.Count; e++)
        {
            if (!Enum.TryParse<NotificationEventKind>(route.Events[e], ignoreCase: true, out var kind) || !Enum.IsDefined(kind) ||
                int.TryParse(route.Events[e], out _))
            {
                problems.Add($"{key}:events:{e} '{route.Events[e]}' is not one of: {string.Join(", ", Enum.GetNames<NotificationEventKind>())}.");
            }
        }
        for (var s = 0; s < route.Services.Count; s++)
        {
            if (string.IsNullOrWhiteSpace(route.Services[s]))
            {
                problems.Add($"{key}:services:{s} is empty (a service id or a glob such as github*).");
            }
        }
        if (route.QuietHours is { } quiet)
        {
            if (quiet.From == quiet.Until)
            {
                problems.Add($"{key}:quietHours:from and until are both {quiet.From:HH\\:mm}; quiet hours need a window.");
            }
            if (!TryFindZone(quiet.TimeZone, out _))
            {
                problems.Add($"{key}:quietHours:timeZone '{quiet.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin).");
            }
        }
    }

    /// <summary>The route's zone; empty means UTC.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return string.IsNullOrWhiteSpace(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    private static void Positive(List<string> problems, TimeSpan value, string name, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            problems.Add($"{Key}:{name} must be {(allowZero ? "zero or more" : "positive")} (it is {value}).");
        }
    }
}

using System.Globalization;
using StatusBoard.Core.Notifications.Waves;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>Words one route's events as one message: a single event by its kind, a wave by <see cref="Wave.Headline"/>, else a plain group.</summary>
internal static class MessageComposer
{
    private const int NamesShown = 3;

    public static NotificationMessage Compose(string route, IReadOnlyList<PendingEvent> events, NotificationOptions options,
        DateTimeOffset now, string? titlePrefix = null, string keySuffix = "")
    {
        var (title, isWave) = Title(events, options.WaveThreshold);
        var key = $"{route}:{StableHash.Of(route + "\n" + string.Join('\n', events.Select(e => e.Key)) + keySuffix)}";
        var level = StatusLevels.WorstOf(events.Select(e => e.Event.Kind == NotificationEventKind.Recovered ? StatusLevel.Operational : e.Event.To));
        return new NotificationMessage(key, route, titlePrefix + title, level, isWave, [.. events.Select(e => e.Event)], now,
            string.IsNullOrEmpty(options.PublicUrl) ? null : options.PublicUrl.TrimEnd('/'));
    }

    private static (string Title, bool IsWave) Title(IReadOnlyList<PendingEvent> events, int threshold)
    {
        if (events.Count == 1)
        {
            return (Single(events[0].Event), false);
        }
        var failing = events
            .Where(e => e.Event.Kind is NotificationEventKind.LevelChanged or NotificationEventKind.IncidentOpened)
            .DistinctBy(e => e.Event.ServiceId)
            .Select(e => new WaveMember(e.Event.ServiceId, e.Event.ServiceName, e.Event.Category, e.Event.To, e.Event.At, e.Text));
        if (WaveDetector.Find(failing, threshold) is { } wave)
        {
            var others = events.Select(e => e.Event.ServiceId).Distinct().Count() - wave.Members.Count;
            return (wave.Headline() + (others > 0 ? $" (and {others} more changes)" : ""), true);
        }
        var shown = string.Join("; ", events.Take(NamesShown).Select(e => Single(e.Event)));
        return ($"{events.Count} updates: {shown}{(events.Count > NamesShown ? "; …" : "")}", false);
    }

    /// <summary>"GitHub: partial outage", "GitHub: operational again", "GitHub: incident — Actions delays", …</summary>
    public static string Single(NotificationEvent e) => e.Kind switch
    {
        NotificationEventKind.LevelChanged => $"{e.ServiceName}: {Words(e.To)}",
        NotificationEventKind.Recovered => e.To == StatusLevel.Operational ? $"{e.ServiceName}: operational again" : $"{e.ServiceName}: recovered to {Words(e.To)}",
        NotificationEventKind.IncidentOpened => $"{e.ServiceName}: incident — {e.IncidentTitle}",
        NotificationEventKind.IncidentUpdated => $"{e.ServiceName}: update — {e.IncidentTitle}",
        NotificationEventKind.IncidentResolved => $"{e.ServiceName}: resolved — {e.IncidentTitle}",
        NotificationEventKind.MaintenanceStarted => $"{e.ServiceName}: maintenance started — {e.IncidentTitle}",
        NotificationEventKind.MaintenanceEnded => $"{e.ServiceName}: maintenance ended — {e.IncidentTitle}",
        NotificationEventKind.MaintenanceUpcoming => string.Create(CultureInfo.InvariantCulture,
            $"{e.ServiceName}: maintenance at {e.ScheduledFor?.UtcDateTime:yyyy-MM-dd HH:mm} UTC — {e.IncidentTitle}"),
        NotificationEventKind.StatusBoardOffline => $"StatusBoard is offline: {e.LatestUpdate}",
        _ => "StatusBoard is back online",
    };

    private static string Words(StatusLevel level) => level.ToApiName().Replace('_', ' ');
}

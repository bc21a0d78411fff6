namespace StatusBoard.Core.Notifications;

/// <summary>Parsing and defaults of a route's <c>events</c> list.</summary>
public static class NotificationEventKinds
{
    /// <summary>What a route without <c>events</c> is told: level changes (with recoveries) and incidents.</summary>
    public static readonly IReadOnlySet<NotificationEventKind> Default = new HashSet<NotificationEventKind>
    {
        NotificationEventKind.LevelChanged,
        NotificationEventKind.Recovered,
        NotificationEventKind.IncidentOpened,
        NotificationEventKind.IncidentUpdated,
        NotificationEventKind.IncidentResolved,
    };

    /// <summary>The kinds a route listed (case-insensitive names); listing LevelChanged brings Recovered with it.</summary>
    public static IReadOnlySet<NotificationEventKind> Of(NotificationRoute route)
    {
        if (route.Events.Count == 0)
        {
            return Default;
        }
        var kinds = new HashSet<NotificationEventKind>();
        foreach (var name in route.Events)
        {
            if (Enum.TryParse<NotificationEventKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            {
                kinds.Add(kind);
            }
        }
        if (kinds.Contains(NotificationEventKind.LevelChanged))
        {
            kinds.Add(NotificationEventKind.Recovered);
        }
        return kinds;
    }
}

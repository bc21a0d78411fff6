using System.Globalization;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>The words and links every channel shows for a message, so the six shapes say the same thing.</summary>
public static class MessageText
{
    public static string Label(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "Operational",
        StatusLevel.Degraded => "Degraded",
        StatusLevel.PartialOutage => "Partial outage",
        StatusLevel.MajorOutage => "Major outage",
        StatusLevel.Maintenance => "Maintenance",
        _ => "Unknown",
    };

    /// <summary>The level's colour as 0xRRGGBB (the board's palette: dark enough for white text).</summary>
    public static int Colour(StatusLevel level) => level switch
    {
        StatusLevel.Operational => 0x1b5e20,
        StatusLevel.Degraded => 0x8a4b00,
        StatusLevel.PartialOutage => 0xb8380f,
        StatusLevel.MajorOutage => 0xb71c1c,
        StatusLevel.Maintenance => 0x0d47a1,
        _ => 0x424242,
    };

    /// <summary>"GitHub: Partial outage" (what the service is now).</summary>
    public static string Headline(NotificationEvent e) => e.Kind switch
    {
        NotificationEventKind.MaintenanceUpcoming when e.ScheduledFor is { } start =>
            $"{e.ServiceName}: maintenance from {start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        _ => $"{e.ServiceName}: {Label(e.To)}",
    };

    /// <summary>"Incident: Actions delays — We are investigating." or null when the event has no incident.</summary>
    public static string? Incident(NotificationEvent e)
    {
        if (e.IncidentTitle is null)
        {
            return null;
        }
        var kind = e.Kind is NotificationEventKind.MaintenanceStarted or NotificationEventKind.MaintenanceEnded or NotificationEventKind.MaintenanceUpcoming
            ? "Maintenance" : "Incident";
        var resolved = e.Kind == NotificationEventKind.IncidentResolved ? " (resolved)" : "";
        return e.LatestUpdate is { Length: > 0 } update ? $"{kind}{resolved}: {e.IncidentTitle} — {update}" : $"{kind}{resolved}: {e.IncidentTitle}";
    }

    /// <summary>StatusBoard's details page of the event's service, when a public address is configured.</summary>
    public static string? DetailsUrl(NotificationMessage message, NotificationEvent e) =>
        message.DashboardUrl is { Length: > 0 } root && e.ServiceId.Length > 0
            ? $"{root.TrimEnd('/')}/service/{Uri.EscapeDataString(e.ServiceId)}"
            : null;

    /// <summary>The incident's own page, else the service's status page.</summary>
    public static string? StatusPageUrl(NotificationEvent e) => e.IncidentUrl ?? e.StatusPageUrl;

    /// <summary>One line per event: headline and incident.</summary>
    public static string Line(NotificationEvent e) => Incident(e) is { } incident ? $"{Headline(e)} — {incident}" : Headline(e);

    /// <summary>The title, then one line per event (plain text: email, ntfy).</summary>
    public static string PlainText(NotificationMessage message)
    {
        var lines = new List<string> { message.Title, "" };
        foreach (var e in message.Events)
        {
            lines.Add("- " + Line(e));
            if (StatusPageUrl(e) is { } page)
            {
                lines.Add("  Status page: " + page);
            }
            if (DetailsUrl(message, e) is { } details)
            {
                lines.Add("  Details: " + details);
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis (the channels' field limits).</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

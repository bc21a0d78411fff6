using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Feeds;

/// <summary><c>/maintenance.ics</c>: upcoming and in-progress maintenance windows as calendar events (RFC 5545).</summary>
public static class MaintenanceCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>A window whose end is not announced is shown as one hour long (and says so).</summary>
    public static readonly TimeSpan UnannouncedLength = TimeSpan.FromHours(1);

    public static byte[] Build(FeedSelection selection, Uri baseUrl, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//StatusBoard//Maintenance//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", selection.Title + " maintenance");
        foreach (var service in selection.Services)
        {
            foreach (var window in service.Maintenances)
            {
                if (window.ScheduledFor is not { } start)
                {
                    continue; // a window without a start cannot be placed in a calendar
                }
                var end = window.ScheduledUntil is { } until && until > start ? until : start + UnannouncedLength;
                if (end < now && !window.InProgress)
                {
                    continue;
                }
                calendar.Events.Add(Event(service, window, start, end, baseUrl));
            }
        }
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static CalendarEvent Event(ServiceStatus service, Maintenance window, DateTimeOffset start, DateTimeOffset end, Uri baseUrl)
    {
        var description = new StringBuilder(window.InProgress ? "In progress" : "Scheduled").Append(" · ").Append(window.Status);
        if (window.ScheduledUntil is null)
        {
            description.Append(" · end not announced");
        }
        if (window.Components.Count > 0)
        {
            description.Append("\nAffects: ").Append(string.Join(", ", window.Components));
        }
        foreach (var update in window.Updates)
        {
            description.Append("\n\n").Append(update.Status).Append(": ").Append(update.Body);
        }
        var link = Uri.TryCreate(window.Url ?? service.StatusPageUrl, UriKind.Absolute, out var page) && page.Scheme is "https" or "http"
            ? page : new Uri(baseUrl, "service/" + Uri.EscapeDataString(service.Id));
        // DTSTAMP from the window itself, not the clock: the same window gives the same bytes, so readers get a 304.
        var stamp = window.Updates.Select(u => u.At).Where(at => at is not null).Max() ?? start;
        return new CalendarEvent
        {
            // Stable per maintenance: a calendar app updates the event instead of adding a second one.
            Uid = $"{service.Id}.{window.Id}@statusboard",
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            Start = new CalDateTime(start.UtcDateTime),
            End = new CalDateTime(end.UtcDateTime),
            Summary = $"{service.Name}: {window.Title}",
            Description = description.ToString(),
            Url = link,
            Status = "CONFIRMED",
        };
    }
}

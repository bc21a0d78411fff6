using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Components.Notify;

/// <summary>
/// One change of one service, as this browser's notifications need it (wwwroot/js/browser-notify.js decides whether
/// the service is pinned or watched): "GitHub: Partial outage — Incident: Actions delays".
/// </summary>
public sealed record BrowserEvent(string Id, string Name, string Level, bool Operational, string Text, string? Detail)
{
    private const int DetailLength = 200;

    /// <summary>
    /// What changed from <paramref name="previous"/> to <paramref name="current"/>: a new level, a new incident or a new
    /// update. Unknown (we could not read the page), a first reading and anything while StatusBoard is offline are no event.
    /// </summary>
    public static List<BrowserEvent> Between(Snapshot previous, Snapshot current)
    {
        var events = new List<BrowserEvent>();
        if (current.Offline is not null)
        {
            return events;
        }
        foreach (var status in current.Services)
        {
            // Same instance: nothing about the service changed, the common case for all but one or two services.
            if (previous.Find(status.Id) is not { } before || ReferenceEquals(before, status)
                || status.Status == StatusLevel.Unknown || before.CheckedAt is null || Key(before) == Key(status))
            {
                continue;
            }
            events.Add(From(status));
        }
        return events;
    }

    public static BrowserEvent From(ServiceStatus status)
    {
        var label = LevelWording.ToLabel(status.Status);
        var incident = status.Incidents.Count > 0 ? status.Incidents[0] : null;
        var maintenance = status.Maintenances.FirstOrDefault(m => m.InProgress);
        var text = incident is not null ? $"{status.Name}: {label} — Incident: {incident.Title}"
            : maintenance is not null && status.Status == StatusLevel.Maintenance ? $"{status.Name}: {label} — {maintenance.Title}"
            : $"{status.Name}: {label}";
        var detail = incident is { Updates.Count: > 0 } ? incident.Updates[0].Body : status.Status.IsProblem() ? status.Summary : null;
        if (detail is { Length: > DetailLength })
        {
            detail = detail[..DetailLength] + "…";
        }
        return new BrowserEvent(status.Id, status.Name, status.Status.ToApiName(), status.Status == StatusLevel.Operational, text, detail);
    }

    // What makes a notification: the level, the first incident and how many updates it has.
    private static (StatusLevel, string?, int) Key(ServiceStatus status) =>
        status.Incidents.Count > 0 ? (status.Status, status.Incidents[0].Id, status.Incidents[0].Updates.Count) : (status.Status, null, 0);
}

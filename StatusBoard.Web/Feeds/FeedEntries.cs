using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Feeds;

/// <summary>One incident or maintenance of one service, open (from the snapshot) or recently resolved (from the history).</summary>
public sealed record FeedEntry(ServiceStatus Service, string Kind, string Id, string Title, string Status, StatusLevel Impact,
    DateTimeOffset? StartedAt, DateTimeOffset Updated, DateTimeOffset? ResolvedAt, string? Url, IReadOnlyList<IncidentUpdate> Updates,
    DateTimeOffset? ScheduledFor = null, DateTimeOffset? ScheduledUntil = null);

/// <summary>Collects a feed's entries: the snapshot's open incidents and maintenance, then the history's recently resolved ones.</summary>
public static class FeedEntries
{
    /// <summary>How far back a resolved incident stays in the feed.</summary>
    public const int ResolvedDays = 7;

    /// <summary>At most this many entries, newest first.</summary>
    public const int MaxEntries = 200;

    public static List<FeedEntry> Collect(IReadOnlyList<ServiceStatus> services, HistoryQueries history, ILogger logger)
    {
        var entries = new List<FeedEntry>();
        var open = new HashSet<(string, string)>();
        foreach (var service in services)
        {
            foreach (var incident in service.Incidents)
            {
                open.Add((service.Id, incident.Id));
                entries.Add(new FeedEntry(service, IncidentRecord.IncidentKind, incident.Id, incident.Title, incident.Status, incident.Impact,
                    incident.StartedAt, Latest(incident.Updates, incident.UpdatedAt ?? incident.StartedAt, service), null, incident.Url, incident.Updates));
            }
            foreach (var window in service.Maintenances)
            {
                open.Add((service.Id, window.Id));
                entries.Add(new FeedEntry(service, IncidentRecord.MaintenanceKind, window.Id, window.Title, window.Status, StatusLevel.Maintenance,
                    window.ScheduledFor, Latest(window.Updates, window.ScheduledFor, service), null, window.Url, window.Updates,
                    window.ScheduledFor, window.ScheduledUntil));
            }
        }
        try
        {
            foreach (var service in services)
            {
                foreach (var record in history.Incidents(service.Id, ResolvedDays))
                {
                    if (record.ResolvedAt is { } resolvedAt && !open.Contains((service.Id, record.Id)))
                    {
                        entries.Add(new FeedEntry(service, record.Kind, record.Id, record.Title, record.Status, record.Impact,
                            record.StartedAt, resolvedAt, resolvedAt, record.Url, record.Updates));
                    }
                }
            }
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            // The live part of the feed does not depend on the history; the driver's message stays in the log.
            logger.LogWarning("Feed without resolved incidents: the history is unavailable ({Reason})", e.Message);
        }
        return entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Service.Id, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(MaxEntries).ToList();
    }

    // "updated" is the latest posted update; a status without dated updates falls back to the incident's own times.
    private static DateTimeOffset Latest(IReadOnlyList<IncidentUpdate> updates, DateTimeOffset? fallback, ServiceStatus service) =>
        updates.Select(u => u.At).Where(at => at is not null).Max() ?? fallback ?? service.LastChangedAt ?? DateTimeOffset.UnixEpoch;
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// Decides what from a new service status is worth storing: a level transition (only fresh readings count:
/// a stale, restored or damped status is not news), incidents that are new or changed, incidents that
/// disappeared from a successfully read page (resolved), and the full status when its content changed.
/// It is given only statuses whose content changed (the store's verdict, see <see cref="SnapshotChange"/>), so a poll
/// that changes nothing stores nothing. Not thread-safe: the recorder owns it.
/// </summary>
internal sealed class HistoryTracker
{
    private readonly Dictionary<string, StatusLevel> _recorded;
    private readonly Dictionary<string, Dictionary<string, string>> _open;

    /// <param name="recorded">Each service's last stored level.</param>
    /// <param name="open">Incidents stored as open, per service: id → fingerprint.</param>
    public HistoryTracker(IDictionary<string, StatusLevel> recorded, IEnumerable<(string Service, string Id, string Fingerprint)> open)
    {
        _recorded = new Dictionary<string, StatusLevel>(recorded, StringComparer.Ordinal);
        _open = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (service, id, fingerprint) in open)
        {
            OpenOf(service)[id] = fingerprint;
        }
    }

    public StatusLevel? RecordedLevel(string service) => _recorded.TryGetValue(service, out var level) ? level : null;

    /// <summary>Collects into <paramref name="batch"/> what <paramref name="next"/>, a status whose content changed, means.</summary>
    public void Observe(ServiceStatus next, HistoryBatch batch)
    {
        if (next.CheckedAt is not { } at)
        {
            return; // not checked yet: nothing to remember
        }
        batch.Statuses[next.Id] = next;
        if (next.Stale)
        {
            return; // not a current reading of the page
        }
        var was = RecordedLevel(next.Id) ?? StatusLevel.Unknown;
        if (was != next.Status)
        {
            batch.Transitions.Add(new LevelTransition(next.Id, at, was, next.Status, next.Error ?? next.Summary));
            _recorded[next.Id] = next.Status;
        }
        if (next.Error is null)
        {
            TrackIncidents(next, at, batch);
        }
    }

    public const string StoppedReason = "StatusBoard stopped";

    public const string InterruptedReason = "StatusBoard was not running (it ended without a clean stop)";

    /// <summary>StatusBoard stops: from now on nothing is known, until the next start polls again.</summary>
    public void Stopping(IEnumerable<string> services, DateTimeOffset now, HistoryBatch batch, string reason = StoppedReason)
    {
        foreach (var service in services)
        {
            if (RecordedLevel(service) is { } level && level != StatusLevel.Unknown)
            {
                batch.Transitions.Add(new LevelTransition(service, now, level, StatusLevel.Unknown, reason));
                _recorded[service] = StatusLevel.Unknown;
            }
        }
    }

    /// <summary>
    /// At start: a clean stop left every service unknown, so a known level means the last run was killed or
    /// crashed. It ended when it was last known alive; what came after is unknown, never silently uptime.
    /// </summary>
    public void Interrupted(DateTimeOffset lastAlive, HistoryBatch batch) =>
        Stopping([.. _recorded.Keys], lastAlive, batch, InterruptedReason);

    /// <summary>A short key of what an incident says; a different key means it changed and is stored again.</summary>
    public static string Fingerprint(string title, string status, StatusLevel impact, int updates, DateTimeOffset? updatedAt) =>
        $"{impact.ToApiName()}|{status}|{updates}|{updatedAt?.ToUnixTimeMilliseconds()}|{title}";

    private void TrackIncidents(ServiceStatus next, DateTimeOffset at, HistoryBatch batch)
    {
        var open = OpenOf(next.Id);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var incident in next.Incidents)
        {
            seen.Add(incident.Id);
            var fingerprint = Fingerprint(incident.Title, incident.Status, incident.Impact, incident.Updates.Count, incident.UpdatedAt);
            if (!open.TryGetValue(incident.Id, out var known) || known != fingerprint)
            {
                open[incident.Id] = fingerprint;
                batch.Incidents.Add(new IncidentRecord(next.Id, incident.Id, IncidentRecord.IncidentKind, incident.Title, incident.Status,
                    incident.Impact, incident.StartedAt ?? at, incident.UpdatedAt, null, at, incident.Url, incident.Updates));
            }
        }
        foreach (var maintenance in next.Maintenances.Where(m => m.InProgress))
        {
            seen.Add(maintenance.Id);
            var fingerprint = Fingerprint(maintenance.Title, maintenance.Status, StatusLevel.Maintenance, maintenance.Updates.Count, null);
            if (!open.TryGetValue(maintenance.Id, out var known) || known != fingerprint)
            {
                open[maintenance.Id] = fingerprint;
                batch.Incidents.Add(new IncidentRecord(next.Id, maintenance.Id, IncidentRecord.MaintenanceKind, maintenance.Title,
                    maintenance.Status, StatusLevel.Maintenance, maintenance.ScheduledFor ?? at, null, null, at, maintenance.Url, maintenance.Updates));
            }
        }
        foreach (var gone in open.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            open.Remove(gone);
            batch.Resolutions.Add(new IncidentResolution(next.Id, gone, at));
        }
    }

    private Dictionary<string, string> OpenOf(string service)
    {
        if (!_open.TryGetValue(service, out var open))
        {
            open = new Dictionary<string, string>(StringComparer.Ordinal);
            _open[service] = open;
        }
        return open;
    }
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>
/// What one service's readings mean as events: a level change only once it held (damping), incidents opened / updated /
/// resolved, maintenance started / ended / upcoming. Stale statuses (restored at start, our own network down) are not news.
/// </summary>
internal sealed class ServiceWatch
{
    private StatusLevel? _settled;
    private (StatusLevel Level, DateTimeOffset Since)? _candidate;
    private Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private Dictionary<string, Maintenance> _maintenances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private bool _baselined;

    public ServiceWatch(ServiceStatus status) => Latest = status;

    public ServiceStatus Latest { get; private set; }

    /// <summary>What was known before this run (restored or already polled): the starting point, never news itself.</summary>
    public void Baseline(ServiceStatus status)
    {
        Latest = status;
        if (status.CheckedAt is null)
        {
            return;
        }
        _settled = status.Status;
        Remember(status);
    }

    public void Observe(ServiceStatus status, DateTimeOffset now, bool offline, List<PendingEvent> events)
    {
        if (status.CheckedAt is null || status.Stale)
        {
            return;
        }
        Latest = status;
        if (_settled is null && _candidate is null && status.Status == StatusLevel.Operational)
        {
            _settled = StatusLevel.Operational; // a first reading that all is well is no news
        }
        else if (status.Status == _settled)
        {
            _candidate = null; // back where it was told: the flap ends without a word
        }
        else if (_candidate?.Level != status.Status)
        {
            _candidate = (status.Status, status.LastChangedAt ?? now);
        }
        if (!_baselined)
        {
            Remember(status);
            return;
        }
        if (!offline)
        {
            DiffIncidents(status, events);
            DiffMaintenances(status, events);
        }
        Remember(status);
    }

    /// <summary>StatusBoard went offline: a change seen before must show again in a fresh reading before it is told.</summary>
    public void Interrupt() => _candidate = null;

    /// <summary>Matures a held level and announces maintenance coming within the lead time.</summary>
    public void Tick(DateTimeOffset now, bool offline, NotificationOptions options, List<PendingEvent> events)
    {
        if (offline)
        {
            return;
        }
        if (_candidate is { } candidate && now >= candidate.Since + Hold(candidate.Level, options))
        {
            var from = _settled ?? StatusLevel.Operational;
            _settled = candidate.Level;
            _candidate = null;
            events.Add(Make(NotificationEventKind.LevelChanged, from, candidate.Level, candidate.Since,
                $"{Latest.Id}|||{candidate.Level.ToApiName()}|{candidate.Since.ToUnixTimeMilliseconds()}"));
        }
        foreach (var m in _maintenances.Values)
        {
            if (!m.InProgress && m.ScheduledFor is { } start && start > now && start - options.MaintenanceLeadTime <= now && _announced.Add(m.Id))
            {
                events.Add(Maintenance(NotificationEventKind.MaintenanceUpcoming, m, now, "upcoming"));
            }
        }
    }

    /// <summary>When <see cref="Tick"/> has something to do next, or null.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset now, bool offline, NotificationOptions options)
    {
        if (offline)
        {
            return null; // nothing matures while offline; going online is a change of its own
        }
        DateTimeOffset? due = _candidate is { } c ? c.Since + Hold(c.Level, options) : null;
        foreach (var m in _maintenances.Values)
        {
            if (!m.InProgress && m.ScheduledFor is { } start && start > now && !_announced.Contains(m.Id))
            {
                var at = start - options.MaintenanceLeadTime;
                due = due is null || at < due ? at : due;
            }
        }
        return due;
    }

    private static TimeSpan Hold(StatusLevel level, NotificationOptions options) =>
        level == StatusLevel.Unknown ? options.UnknownAfter : options.HoldFor;

    private void DiffIncidents(ServiceStatus status, List<PendingEvent> events)
    {
        foreach (var incident in status.Incidents)
        {
            var update = UpdateId(incident.Updates);
            if (!_incidents.TryGetValue(incident.Id, out var known))
            {
                events.Add(Incident(NotificationEventKind.IncidentOpened, incident, update));
            }
            else if (update != UpdateId(known.Updates))
            {
                events.Add(Incident(NotificationEventKind.IncidentUpdated, incident, update));
            }
        }
        foreach (var gone in _incidents.Values.Where(i => status.Incidents.All(n => n.Id != i.Id)))
        {
            events.Add(Incident(NotificationEventKind.IncidentResolved, gone, "resolved"));
        }
    }

    private void DiffMaintenances(ServiceStatus status, List<PendingEvent> events)
    {
        var now = status.CheckedAt!.Value;
        foreach (var m in status.Maintenances.Where(m => m.InProgress))
        {
            if (!_maintenances.TryGetValue(m.Id, out var known) || !known.InProgress)
            {
                events.Add(Maintenance(NotificationEventKind.MaintenanceStarted, m, now, "started"));
            }
        }
        foreach (var ended in _maintenances.Values.Where(k => k.InProgress && !status.Maintenances.Any(m => m.Id == k.Id && m.InProgress)))
        {
            events.Add(Maintenance(NotificationEventKind.MaintenanceEnded, ended, now, "ended"));
        }
    }

    private void Remember(ServiceStatus status)
    {
        _baselined = true;
        _incidents = status.Incidents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _maintenances = status.Maintenances.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _announced.IntersectWith(_maintenances.Keys);
    }

    /// <summary>An update has no id of its own on most pages: its time and text identify it.</summary>
    private static string UpdateId(IReadOnlyList<IncidentUpdate> updates) =>
        updates.Count == 0 ? "none" : $"{updates[0].At?.ToUnixTimeMilliseconds()}:{StableHash.Of(updates[0].Status + "\n" + updates[0].Body)}";

    private PendingEvent Incident(NotificationEventKind kind, Incident incident, string update) =>
        new(Make(kind, Latest.Status, incident.Impact, Latest.CheckedAt ?? default, "").Event with
        {
            IncidentId = incident.Id,
            IncidentTitle = incident.Title,
            IncidentUrl = incident.Url,
            UpdateId = update,
            LatestUpdate = incident.Updates.Count > 0 ? incident.Updates[0].Body : null,
        }, $"{Latest.Id}|{incident.Id}|{update}|{incident.Impact.ToApiName()}|{kind}", Text());

    private PendingEvent Maintenance(NotificationEventKind kind, Maintenance m, DateTimeOffset at, string what) =>
        new(Make(kind, Latest.Status, StatusLevel.Maintenance, at, "").Event with
        {
            IncidentId = m.Id,
            IncidentTitle = m.Title,
            IncidentUrl = m.Url,
            LatestUpdate = m.Updates.Count > 0 ? m.Updates[0].Body : null,
            ScheduledFor = m.ScheduledFor,
            ScheduledUntil = m.ScheduledUntil,
        }, $"{Latest.Id}|{m.Id}|{what}|maintenance|{kind}", Text());

    private PendingEvent Make(NotificationEventKind kind, StatusLevel from, StatusLevel to, DateTimeOffset at, string key) =>
        new(new NotificationEvent(kind, Latest.Id, Latest.Name, Latest.Category, from, to, at, Latest.StatusPageUrl,
            LatestUpdate: Latest.Summary), key, Text());

    private string Text() => Waves.WaveMember.From(Latest, default).Text;
}

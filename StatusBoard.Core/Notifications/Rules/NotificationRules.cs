using Microsoft.Extensions.Options;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>
/// Turns the ordered change feed into messages per route: damped level changes, incidents, maintenance and StatusBoard's
/// own offline/online, filtered, grouped within the group window (a wave as one message) and deferred through quiet
/// hours. Not thread-safe: the history recorder calls it under its lock and adds the messages to the batch it commits.
/// </summary>
public sealed class NotificationRules(IOptionsMonitor<NotificationOptions> options, IBoardMembership boards)
{
    private readonly Dictionary<string, ServiceWatch> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteState> _routes = new(StringComparer.Ordinal);
    private readonly List<PendingEvent> _events = [];
    private NotificationOptions? _routesFrom;
    private Connectivity? _offline;

    /// <summary>What was known when recording started (restored statuses included): the baseline, never news.</summary>
    public void Start(Snapshot.Snapshot start)
    {
        _offline = start.Offline;
        foreach (var status in start.Services)
        {
            Watch(status).Baseline(status);
        }
    }

    /// <summary>Reads one published change; messages whose time has come are added to <paramref name="into"/>.</summary>
    public void Observe(SnapshotChange change, DateTimeOffset now, List<NotificationMessage> into)
    {
        var settings = options.CurrentValue;
        if (!Equals(change.Current.Offline, _offline))
        {
            Connectivity(change.Current.Offline, now);
        }
        foreach (var status in change.Changed)
        {
            Watch(status).Observe(status, now, _offline is not null, _events);
        }
        foreach (var id in change.Removed)
        {
            _services.Remove(id);
        }
        Route(now, settings);
        Tick(now, into);
    }

    /// <summary>Matures holds, closes group windows and ends quiet hours that are due at <paramref name="now"/>.</summary>
    public void Tick(DateTimeOffset now, List<NotificationMessage> into, bool closeGroups = false)
    {
        var settings = options.CurrentValue;
        foreach (var watch in _services.Values)
        {
            watch.Tick(now, _offline is not null, settings, _events);
        }
        Route(now, settings);
        foreach (var route in Routes(settings))
        {
            route.Tick(now, settings, into, closeGroups);
        }
    }

    /// <summary>When <see cref="Tick"/> next has something to do, or null.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        DateTimeOffset? due = null;
        foreach (var at in _services.Values.Select(w => w.NextDue(now, _offline is not null, settings)).Concat(Routes(settings).Select(r => r.NextDue())))
        {
            if (at is not null && (due is null || at < due))
            {
                due = at;
            }
        }
        return due;
    }

    private void Connectivity(Connectivity? offline, DateTimeOffset now)
    {
        var was = _offline;
        _offline = offline;
        if (offline is not null)
        {
            foreach (var watch in _services.Values)
            {
                watch.Interrupt();
            }
        }
        var (kind, since) = offline is not null
            ? (NotificationEventKind.StatusBoardOffline, offline.Since)
            : (NotificationEventKind.StatusBoardOnline, was!.Since);
        var e = new NotificationEvent(kind, "statusboard", "StatusBoard", "", StatusLevel.Operational,
            offline is null ? StatusLevel.Operational : StatusLevel.Unknown, now, LatestUpdate: offline?.Message ?? was?.Message);
        _events.Add(new PendingEvent(e, $"statusboard|{kind}|{since.ToUnixTimeMilliseconds()}", ""));
    }

    private void Route(DateTimeOffset now, NotificationOptions settings)
    {
        if (_events.Count == 0)
        {
            return;
        }
        var routes = Routes(settings);
        foreach (var pending in _events)
        {
            var service = _services.GetValueOrDefault(pending.Event.ServiceId)?.Latest;
            foreach (var route in routes)
            {
                route.Offer(pending, service, now, settings);
            }
        }
        _events.Clear();
    }

    /// <summary>The route states of the settings in force; a reload keeps the state of routes it did not change.</summary>
    private IReadOnlyCollection<RouteState> Routes(NotificationOptions settings)
    {
        if (!ReferenceEquals(settings, _routesFrom))
        {
            _routesFrom = settings;
            var keep = settings.Routes.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _routes.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                _routes.Remove(gone);
            }
            foreach (var route in settings.Routes)
            {
                if (!_routes.TryGetValue(route.Name, out var state) || !ReferenceEquals(state.Route, route))
                {
                    _routes[route.Name] = state is null ? new RouteState(route, boards) : state.With(route, boards);
                }
            }
        }
        return _routes.Values;
    }

    private ServiceWatch Watch(ServiceStatus status)
    {
        if (!_services.TryGetValue(status.Id, out var watch))
        {
            watch = new ServiceWatch(status);
            _services[status.Id] = watch;
        }
        return watch;
    }
}

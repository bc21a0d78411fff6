using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>
/// One route's memory: the level each service was last told at (so a recovery follows an alert, and only an alert),
/// the events of the open group window, and what quiet hours deferred. Small and in memory; the outbox is what persists.
/// </summary>
internal sealed class RouteState(NotificationRoute route, IBoardMembership boards)
{
    private readonly RouteFilter _filter = new(route, boards);
    private readonly Dictionary<string, StatusLevel> _told = new(StringComparer.Ordinal);
    private readonly List<PendingEvent> _group = [];
    private readonly List<PendingEvent> _deferred = [];
    private DateTimeOffset _groupClosesAt;
    private DateTimeOffset _quietEndsAt;

    public NotificationRoute Route { get; } = route;

    /// <summary>The same memory under a reloaded route's settings: a reload never re-alerts or loses an open group.</summary>
    public RouteState With(NotificationRoute reloaded, IBoardMembership boardMembership)
    {
        var next = new RouteState(reloaded, boardMembership) { _groupClosesAt = _groupClosesAt, _quietEndsAt = _quietEndsAt };
        foreach (var (id, level) in _told)
        {
            next._told[id] = level;
        }
        next._group.AddRange(_group);
        next._deferred.AddRange(_deferred);
        return next;
    }

    /// <summary>Takes the event when this route is told about it (a level event may become a recovery).</summary>
    public void Offer(PendingEvent pending, ServiceStatus? service, DateTimeOffset now, NotificationOptions options)
    {
        var e = pending.Event;
        if (e.Kind is NotificationEventKind.StatusBoardOffline or NotificationEventKind.StatusBoardOnline)
        {
            if (Route.Operators)
            {
                Add(pending, now, options);
            }
            return;
        }
        if (service is null || !_filter.Matches(service))
        {
            return;
        }
        var accepted = e.Kind switch
        {
            NotificationEventKind.LevelChanged => Level(pending),
            NotificationEventKind.IncidentOpened or NotificationEventKind.IncidentUpdated or NotificationEventKind.IncidentResolved =>
                _filter.Alerts(e.To) && _filter.Wants(e.Kind) ? pending : null,
            _ => _filter.Wants(e.Kind) ? pending : null,
        };
        if (accepted is not null)
        {
            Add(accepted, now, options);
        }
    }

    private PendingEvent? Level(PendingEvent pending)
    {
        var e = pending.Event;
        // Unseen so far (a restart, a route added by a reload): assume it was told the level the change started from.
        if (!_told.ContainsKey(e.ServiceId) && _filter.Alerts(e.From))
        {
            _told[e.ServiceId] = e.From;
        }
        var told = _told.TryGetValue(e.ServiceId, out var level) ? level : (StatusLevel?)null;
        if (_filter.Alerts(e.To))
        {
            if (told == e.To)
            {
                return null;
            }
            _told[e.ServiceId] = e.To;
            return _filter.Wants(NotificationEventKind.LevelChanged) ? pending : null;
        }
        if (e.To == StatusLevel.Unknown || told is null)
        {
            return null; // unknown without opting in changes nothing; below minLevel without an alert is no news
        }
        _told.Remove(e.ServiceId);
        return _filter.Wants(NotificationEventKind.Recovered) ? pending with { Event = e with { Kind = NotificationEventKind.Recovered } } : null;
    }

    private void Add(PendingEvent pending, DateTimeOffset now, NotificationOptions options)
    {
        if (QuietHoursWindow.EndIfQuiet(Route.QuietHours, now) is { } end)
        {
            _deferred.Add(pending);
            _quietEndsAt = end;
            return;
        }
        if (_group.Count == 0)
        {
            _groupClosesAt = now + options.GroupWindow;
        }
        _group.Add(pending);
    }

    /// <summary>Closes a group window that is over, and ends quiet hours with one summary message.</summary>
    public void Tick(DateTimeOffset now, NotificationOptions options, List<NotificationMessage> into, bool force = false)
    {
        if (_group.Count > 0 && (force || now >= _groupClosesAt))
        {
            into.Add(MessageComposer.Compose(Route.Name, _group, options, now));
            _group.Clear();
        }
        if (_deferred.Count > 0 && now >= _quietEndsAt)
        {
            var quiet = Route.QuietHours!;
            into.Add(MessageComposer.Compose(Route.Name, _deferred, options, now,
                $"During quiet hours ({quiet.From:HH\\:mm}–{quiet.Until:HH\\:mm}), {_deferred.Count} {(_deferred.Count == 1 ? "event" : "events")}: ",
                "|quiet"));
            _deferred.Clear();
        }
    }

    public DateTimeOffset? NextDue()
    {
        DateTimeOffset? due = _group.Count > 0 ? _groupClosesAt : null;
        if (_deferred.Count > 0 && (due is null || _quietEndsAt < due))
        {
            due = _quietEndsAt;
        }
        return due;
    }
}

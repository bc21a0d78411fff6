namespace StatusBoard.Core.Snapshot;

public sealed partial class SnapshotStore
{
    /// <summary>
    /// True while this node shows what the cluster's leader publishes: readings, reloads and staleness sweeps of its
    /// own are then ignored, and only <see cref="Adopt"/> (and <see cref="MarkUnheard"/>) make versions.
    /// </summary>
    public bool IsFollowing
    {
        get
        {
            lock (_gate)
            {
                return _following;
            }
        }
    }

    /// <summary>From now on, versions come from the leader: what was pending here is dropped.</summary>
    public void Follow()
    {
        lock (_gate)
        {
            _following = true;
            _pending.Clear();
            _timerDue = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// This node leads: its readings make the next versions, numbered on from the last one it showed. Its own
    /// connectivity check judges "offline" afresh, so a flag adopted from the previous leader (or its own "not heard
    /// from the leader") does not stick: such a flag is cleared at once, in a new version.
    /// </summary>
    public void Lead()
    {
        var published = false;
        lock (_gate)
        {
            _following = false;
            _offline = null;
            if (_current.Offline is not null)
            {
                PublishLocked(_current.Services, []);
                published = true;
            }
        }
        if (published)
        {
            Notify();
        }
    }

    /// <summary>
    /// Shows a version the leader published, when following and when it is newer than the one shown (a late or
    /// repeated message changes nothing). Returns whether it was shown.
    /// </summary>
    public bool Adopt(Snapshot published)
    {
        lock (_gate)
        {
            if (!_following || published.Version <= _current.Version)
            {
                return false;
            }
            InstallLocked(published, ChangedIn(published));
        }
        Notify();
        return true;
    }

    /// <summary>
    /// A leader makes its next version number higher than <paramref name="floor"/> (a version some node made on its
    /// own while it could not hear the leader), so no two nodes ever show different bytes under one number.
    /// </summary>
    public void NumberPast(long floor)
    {
        lock (_gate)
        {
            if (_following || floor < _current.Version)
            {
                return;
            }
            InstallLocked(Snapshot.Create(floor + 1, _time.GetUtcNow(), _instance, _current.Services, _current, _offline), []);
        }
        Notify();
    }

    /// <summary>
    /// The services whose content differs from the one shown: identical bytes need no look; only services polled since
    /// (whose "last checked" moved) are compared field by field.
    /// </summary>
    private List<ServiceStatus> ChangedIn(Snapshot published)
    {
        var changed = new List<ServiceStatus>();
        for (var i = 0; i < published.Services.Length; i++)
        {
            var service = published.Services[i];
            var same = _current.FindJson(service.Id) is { } shown && shown.Span.SequenceEqual(published.JsonAt(i).Span);
            if (!same && (_current.Find(service.Id) is not { } before || !SameContent(before, service)))
            {
                changed.Add(service);
            }
        }
        return changed;
    }

    /// <summary>
    /// A follower that has heard nothing from the leader for too long: the same statuses as a new version of its own,
    /// flagged like "offline" with <paramref name="reason"/>, so every viewer sees they may be out of date. The next
    /// version adopted from the leader replaces it.
    /// </summary>
    public void MarkUnheard(Connectivity reason)
    {
        lock (_gate)
        {
            if (!_following || _current.Offline is not null)
            {
                return;
            }
            InstallLocked(Snapshot.Create(_current.Version + 1, _time.GetUtcNow(), _instance, _current.Services, _current, reason), []);
        }
        Notify();
    }
}

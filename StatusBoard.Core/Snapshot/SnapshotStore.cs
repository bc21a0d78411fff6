using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Holds the current <see cref="Snapshot"/>. The engine is the single writer; readers take <see cref="Current"/>
/// without locks and subscribe to new versions. Content changes are published at once (bursts within
/// <see cref="SnapshotOptions.PublishDelay"/> become one version); polls that only refresh "last checked"
/// wait for the next change or <see cref="SnapshotOptions.FreshnessInterval"/>, so viewers are not flooded
/// with versions that say nothing new.
/// </summary>
public sealed partial class SnapshotStore : IDisposable
{
    private readonly TimeProvider _time;
    private readonly SnapshotOptions _options;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingStatus> _pending = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private volatile Snapshot _current;
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private DateTimeOffset? _timerDue;
    private Connectivity? _offline;
    private bool _following; // guarded by _gate: see SnapshotStore.Following.cs

    /// <param name="services">The first version's services (the catalog's, "not checked yet").</param>
    public SnapshotStore(TimeProvider time, IOptions<SnapshotOptions> options, IEnumerable<ServiceStatus> services)
    {
        _time = time;
        _options = options.Value;
        _current = Snapshot.Create(1, time.GetUtcNow(), _instance, [.. services]);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The latest published snapshot (a lock-free read).</summary>
    public Snapshot Current => _current;

    /// <summary>Replaces the whole service list (catalog load): published at once as a new version.</summary>
    public void Reset(IEnumerable<ServiceStatus> services)
    {
        lock (_gate)
        {
            if (_following)
            {
                return;
            }
            _pending.Clear();
            ImmutableArray<ServiceStatus> next = [.. services];
            var changed = next.Where(s => _current.Find(s.Id) is not { } shown || !SameContent(shown, s)).ToList();
            PublishLocked(next, changed);
        }
        Notify();
    }

    /// <summary>
    /// Catalog reload: publishes ONE version with exactly <paramref name="ids"/>, in that order (none when nothing
    /// changed). Each service is <paramref name="shape"/>(id, its freshest status or null when new); a reading still
    /// pending is folded in, never lost.
    /// </summary>
    public void Reconcile(IReadOnlyList<string> ids, Func<string, ServiceStatus?, ServiceStatus> shape)
    {
        lock (_gate)
        {
            if (_following)
            {
                return;
            }
            ImmutableArray<ServiceStatus> next = [.. ids.Select(id =>
                shape(id, _pending.TryGetValue(id, out var pending) ? pending.Status : _current.Find(id)))];
            var changed = next.Where(s => _current.Find(s.Id) is not { } shown || !SameContent(shown, s)).ToList();
            if (changed.Count == 0 && next.Select(s => s.Id).SequenceEqual(_current.Services.Select(s => s.Id)))
            {
                return; // Nothing a viewer would see changed (e.g. an appsettings edit elsewhere): no new version.
            }
            _pending.Clear();
            PublishLocked(next, changed);
        }
        Notify();
    }

    /// <summary>Sets or clears the "StatusBoard cannot reach the internet" state; a change is published at once.</summary>
    public void SetOffline(Connectivity? offline)
    {
        lock (_gate)
        {
            if (_following || Equals(_offline, offline))
            {
                return;
            }
            _offline = offline;
            PublishPendingLocked();
        }
        Notify();
    }

    /// <summary>
    /// Raised after every reading this node applied (not while following), with when it was checked: a cluster's
    /// leader tells the others, so a new leader knows the last checks even of polls that changed nothing.
    /// </summary>
    public event Action<string, DateTimeOffset>? Checked;

    /// <summary>
    /// A service's freshest status: the one waiting to be published, else the published one (null when not in the
    /// catalog). What the next status is composed from: <see cref="Current"/> lags by up to PublishDelay.
    /// </summary>
    public ServiceStatus? Latest(string id)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(id, out var pending) ? pending.Status : _current.Find(id);
        }
    }

    /// <summary>Records a service's new status; publishes now, soon, or with the next change (see class summary).</summary>
    public void Apply(ServiceStatus status)
    {
        bool published;
        lock (_gate)
        {
            if (_following || _current.Find(status.Id) is not { } shown)
            {
                return; // Following another node, or not in the catalog (any more): nothing to show it on.
            }
            _pending[status.Id] = new PendingStatus(status, !SameContent(shown, status));
            published = PublishOrScheduleLocked();
        }
        if (published)
        {
            Notify();
        }
        if (status.CheckedAt is { } checkedAt)
        {
            Checked?.Invoke(status.Id, checkedAt);
        }
    }

    /// <summary>
    /// Flags as stale every status last checked longer ago than <paramref name="staleAfter"/> allows for its service
    /// (null: never). Judged under the store's lock against the freshest status it holds, pending or published, so a
    /// reading that arrived meanwhile is never replaced by an old copy. Returns how many were flagged.
    /// </summary>
    public int MarkStale(Func<string, TimeSpan?> staleAfter)
    {
        var marked = 0;
        bool published;
        lock (_gate)
        {
            if (_following)
            {
                return 0;
            }
            var now = _time.GetUtcNow();
            foreach (var shown in _current.Services)
            {
                var freshest = _pending.TryGetValue(shown.Id, out var pending) ? pending.Status : shown;
                if (!freshest.Stale && freshest.CheckedAt is { } checkedAt && staleAfter(shown.Id) is { } limit && now - checkedAt > limit)
                {
                    var stale = freshest with { Stale = true };
                    _pending[shown.Id] = new PendingStatus(stale, !SameContent(shown, stale));
                    marked++;
                }
            }
            published = marked > 0 && PublishOrScheduleLocked();
        }
        if (published)
        {
            Notify();
        }
        return marked;
    }

    /// <summary>True when two statuses differ only in freshness (when checked, how fast it answered).</summary>
    public static bool SameContent(ServiceStatus a, ServiceStatus b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        var left = a with { CheckedAt = null, ResponseTimeMs = null };
        var right = b with { CheckedAt = null, ResponseTimeMs = null };
        // Records compare lists by reference; their serialized form compares by value.
        return JsonSerializer.SerializeToUtf8Bytes(left, SnapshotJsonContext.Default.ServiceStatus)
            .AsSpan()
            .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(right, SnapshotJsonContext.Default.ServiceStatus));
    }

    private void OnTimer()
    {
        bool published;
        lock (_gate)
        {
            _timerDue = null;
            published = _pending.Count > 0;
            if (published)
            {
                PublishPendingLocked();
            }
        }
        if (published)
        {
            Notify();
        }
    }

    private bool PublishOrScheduleLocked()
    {
        var hasContentChange = _pending.Values.Any(p => p.ContentChanged);
        var now = _time.GetUtcNow();
        var due = _lastPublish + (hasContentChange ? _options.PublishDelay : _options.FreshnessInterval);
        if (now >= due)
        {
            PublishPendingLocked();
            return true;
        }
        ScheduleLocked(due);
        return false;
    }

    private void ScheduleLocked(DateTimeOffset due)
    {
        if (_timerDue is { } scheduled && scheduled <= due)
        {
            return;
        }
        _timerDue = due;
        var delay = due - _time.GetUtcNow();
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void PublishPendingLocked()
    {
        var services = _current.Services.Select(s => _pending.TryGetValue(s.Id, out var next) ? next.Status : s).ToImmutableArray();
        var changed = _pending.Values.Where(p => p.ContentChanged).Select(p => p.Status).ToList();
        _pending.Clear();
        PublishLocked(services, changed);
    }

    private void PublishLocked(ImmutableArray<ServiceStatus> services, IReadOnlyList<ServiceStatus> changed) =>
        InstallLocked(Snapshot.Create(_current.Version + 1, _time.GetUtcNow(), _instance, services, _current, _offline), changed);

    private void InstallLocked(Snapshot next, IReadOnlyList<ServiceStatus> changed)
    {
        _lastPublish = _time.GetUtcNow();
        _timerDue = null;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var previous = _current;
        _current = next;
        QueueChangeLocked(previous, next, changed);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>A status waiting to be published, and whether its content differs from the one shown now.</summary>
    private readonly record struct PendingStatus(ServiceStatus Status, bool ContentChanged);
}

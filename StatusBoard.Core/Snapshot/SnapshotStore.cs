using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Holds the current <see cref="Snapshot"/>. The engine is the single writer; readers take <see cref="Current"/>
/// without locks and subscribe to new versions. Content changes are published at once (bursts within
/// <see cref="EngineOptions.PublishDelay"/> become one version); polls that only refresh "last checked"
/// wait for the next change or <see cref="EngineOptions.FreshnessInterval"/>, so viewers are not flooded
/// with versions that say nothing new.
/// </summary>
public sealed partial class SnapshotStore : IDisposable
{
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServiceStatus> _pending = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private volatile Snapshot _current;
    private bool _pendingHasChange;
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private DateTimeOffset? _timerDue;
    private Connectivity? _offline;

    public SnapshotStore(TimeProvider time, IOptions<EngineOptions> options, IOptions<CatalogOptions> catalog)
    {
        _time = time;
        _options = options.Value;
        // Every catalog service is on the board from the first request, as "not checked yet".
        var pending = catalog.Value.Services.Select(s => ServiceStatus.Pending(s.Id, s.Name, s.Category, s.StatusPageUrl));
        _current = Snapshot.Create(1, time.GetUtcNow(), _instance, [.. pending]);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The latest published snapshot (a lock-free read).</summary>
    public Snapshot Current => _current;

    /// <summary>Replaces the whole service list (catalog load): published at once as a new version.</summary>
    public void Reset(IEnumerable<ServiceStatus> services)
    {
        Snapshot published;
        lock (_gate)
        {
            _pending.Clear();
            _pendingHasChange = false;
            published = PublishLocked([.. services]);
        }
        Notify(published);
    }

    /// <summary>Sets or clears the "StatusBoard cannot reach the internet" state; a change is published at once.</summary>
    public void SetOffline(Connectivity? offline)
    {
        Snapshot published;
        lock (_gate)
        {
            if (Equals(_offline, offline))
            {
                return;
            }
            _offline = offline;
            published = PublishPendingLocked();
        }
        Notify(published);
    }

    /// <summary>Records a service's new status; publishes now, soon, or with the next change (see class summary).</summary>
    public void Apply(ServiceStatus status)
    {
        Snapshot? published = null;
        lock (_gate)
        {
            var previous = _pending.TryGetValue(status.Id, out var queued) ? queued : _current.Find(status.Id);
            if (previous is null)
            {
                return; // Not in the catalog (any more): nothing to show it on.
            }
            _pending[status.Id] = status;
            _pendingHasChange |= !SameContent(previous, status);

            var now = _time.GetUtcNow();
            var due = _lastPublish + (_pendingHasChange ? _options.PublishDelay : _options.FreshnessInterval);
            if (now >= due)
            {
                published = PublishPendingLocked();
            }
            else
            {
                ScheduleLocked(due > now ? due : now);
            }
        }
        if (published is not null)
        {
            Notify(published);
        }
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
        Snapshot? published = null;
        lock (_gate)
        {
            _timerDue = null;
            if (_pending.Count > 0)
            {
                published = PublishPendingLocked();
            }
        }
        if (published is not null)
        {
            Notify(published);
        }
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

    private Snapshot PublishPendingLocked()
    {
        var services = _current.Services.Select(s => _pending.TryGetValue(s.Id, out var next) ? next : s).ToImmutableArray();
        _pending.Clear();
        _pendingHasChange = false;
        return PublishLocked(services);
    }

    private Snapshot PublishLocked(ImmutableArray<ServiceStatus> services)
    {
        var now = _time.GetUtcNow();
        _lastPublish = now;
        _timerDue = null;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var next = Snapshot.Create(_current.Version + 1, now, _instance, services, _current, _offline);
        _current = next;
        return next;
    }

    public void Dispose() => _timer.Dispose();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications.Waves;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Waves;

/// <summary>
/// The banner's wave, computed once per snapshot version for every circuit (and again only when the oldest member
/// leaves the window, since time alone can end a wave but never start one). Watches the store from start-up to know
/// when each service was first read: a first reading is not a change, so the services found degraded at start-up are no wave.
/// </summary>
public sealed class WaveBannerCache(IOptionsMonitor<WaveBannerOptions> options, TimeProvider time, SnapshotStore store) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstReadAt = new(StringComparer.Ordinal);
    private volatile WaveBannerState? _last;
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = store.Subscribe(snapshot =>
        {
            Observe(snapshot);
            return Task.CompletedTask;
        });
        Observe(store.Current);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public WaveBannerState For(Snapshot snapshot)
    {
        Observe(snapshot);
        var now = time.GetUtcNow();
        var current = options.CurrentValue;
        var last = _last;
        if (last is not null && last.Version == snapshot.Version && now < last.ValidUntil && ReferenceEquals(last.Options, current))
        {
            return last;
        }
        var state = Compute(snapshot, now, current);
        // A circuit still on an older version must not evict the state every newer circuit shares.
        if (last is null || last.Version <= snapshot.Version)
        {
            _last = state;
        }
        return state;
    }

    private void Observe(Snapshot snapshot)
    {
        foreach (var service in snapshot.Services)
        {
            if (service.CheckedAt is { } checkedAt && service.Status != StatusLevel.Unknown)
            {
                _firstReadAt.TryAdd(service.Id, checkedAt);
            }
        }
    }

    private WaveBannerState Compute(Snapshot snapshot, DateTimeOffset now, WaveBannerOptions options)
    {
        // While StatusBoard itself is offline every level is a last known one: no wave to announce.
        var changed = snapshot.Services.Where(s => s.LastChangedAt > _firstReadAt.GetValueOrDefault(s.Id, DateTimeOffset.MaxValue));
        var wave = snapshot.Offline is null ? WaveDetector.FindRecent(changed, now, options.WaveBannerWindow, options.WaveThreshold) : null;
        if (wave is null)
        {
            return new WaveBannerState(snapshot.Version, null, null, null, DateTimeOffset.MaxValue, options);
        }
        return new WaveBannerState(snapshot.Version, wave, wave.Banner(options.WaveBannerWindow),
            string.Join(',', wave.Members.Select(m => m.ServiceId)), wave.Members[0].ChangedAt + options.WaveBannerWindow, options);
    }

    public void Dispose() => _subscription?.Dispose();
}

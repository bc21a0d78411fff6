using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications.Waves;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Waves;

/// <summary>
/// The banner's wave, computed once per snapshot version for every circuit (and again only when the oldest member
/// leaves the window, since time alone can end a wave but never start one).
/// </summary>
public sealed class WaveBannerCache(IOptionsMonitor<WaveBannerOptions> options, TimeProvider time)
{
    private volatile WaveBannerState? _last;

    public WaveBannerState For(Snapshot snapshot)
    {
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

    private static WaveBannerState Compute(Snapshot snapshot, DateTimeOffset now, WaveBannerOptions options)
    {
        // While StatusBoard itself is offline every level is a last known one: no wave to announce.
        var wave = snapshot.Offline is null
            ? WaveDetector.FindRecent(snapshot.Services, now, options.WaveBannerWindow, options.WaveThreshold)
            : null;
        if (wave is null)
        {
            return new WaveBannerState(snapshot.Version, null, null, null, DateTimeOffset.MaxValue, options);
        }
        return new WaveBannerState(snapshot.Version, wave, wave.Banner(options.WaveBannerWindow),
            string.Join(',', wave.Members.Select(m => m.ServiceId)), wave.Members[0].ChangedAt + options.WaveBannerWindow, options);
    }
}

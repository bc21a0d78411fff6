using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>
/// Per-entry endpoint memory: conditional-request validators, consecutive failures and the breaker with exponential
/// backoff. A consecutive-failure breaker rather than Polly's ratio breaker: a poller calls an endpoint once a
/// minute, far below the minimum throughput a sampling window needs.
/// </summary>
/// <remarks>
/// Keyed by entry and URL: two entries on one URL each count their own requests, so each backs off exactly as a
/// lone entry would (a shared state would count every failure twice). The host is protected by <see cref="HostGate"/>.
/// </remarks>
internal sealed class EndpointTracker(TimeProvider time, IOptions<EngineOptions> options)
{
    private readonly ConcurrentDictionary<(string ServiceId, string Url), EndpointState> _states = new();
    private EngineOptions _options => options.Value; // Read per use: an appsettings.json edit applies from the next request on.

    public EndpointState For(ServiceDefinition service, Uri url) => _states.GetOrAdd((service.Id, url.AbsoluteUri), _ => new EndpointState());

    /// <summary>Drops everything remembered for an entry (its definition changed): validators, last body, breaker.</summary>
    public void Forget(string serviceId)
    {
        foreach (var key in _states.Keys.Where(k => k.ServiceId == serviceId))
        {
            _states.TryRemove(key, out _);
        }
    }

    /// <summary>Why no request may be made now (breaker open), or null.</summary>
    public string? BreakerOpen(EndpointState state) =>
        state.OpenUntil is { } open && open > time.GetUtcNow()
            ? $"Failing since {state.FailingSince?.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({state.ConsecutiveFailures} failures in a row); next try after {open.UtcDateTime:HH:mm:ss} UTC"
            : null;

    public void RecordSuccess(EndpointState state)
    {
        state.ConsecutiveFailures = 0;
        state.FailingSince = null;
        state.OpenUntil = null;
    }

    /// <summary>Counts a failure; from the threshold on, opens the breaker for a backoff that doubles each time. Returns when it opened.</summary>
    public DateTimeOffset? RecordFailure(EndpointState state, TimeSpan interval)
    {
        var now = time.GetUtcNow();
        state.ConsecutiveFailures++;
        state.FailingSince ??= now;
        if (Backoff(state.ConsecutiveFailures, interval) is { } backoff)
        {
            state.OpenUntil = now + backoff;
            return state.OpenUntil;
        }
        return null;
    }

    /// <summary>Null below the threshold; then interval × 2^(failures − threshold + 1), jittered, capped.</summary>
    public TimeSpan? Backoff(int failures, TimeSpan interval)
    {
        if (failures < _options.BreakerThreshold)
        {
            return null;
        }
        var doublings = Math.Min(failures - _options.BreakerThreshold + 1, 20);
        var raw = interval * Math.Pow(2, doublings);
        var jittered = raw * (1 + ((Random.Shared.NextDouble() * 2) - 1) * _options.BackoffJitter);
        return jittered < _options.BackoffCap ? jittered : _options.BackoffCap;
    }
}

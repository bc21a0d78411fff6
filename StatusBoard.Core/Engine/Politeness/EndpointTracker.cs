using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>
/// Per-endpoint memory: conditional-request validators, consecutive failures and the breaker with exponential
/// backoff. A consecutive-failure breaker rather than Polly's ratio breaker: a poller calls an endpoint once a
/// minute, far below the minimum throughput a sampling window needs.
/// </summary>
public sealed class EndpointTracker(TimeProvider time, IOptions<EngineOptions> options)
{
    private readonly ConcurrentDictionary<string, EndpointState> _states = new(StringComparer.Ordinal);
    private readonly EngineOptions _options = options.Value;

    public EndpointState For(Uri url) => _states.GetOrAdd(url.AbsoluteUri, _ => new EndpointState());

    public void RecordSuccess(EndpointState state)
    {
        state.ConsecutiveFailures = 0;
        state.FailingSince = null;
        state.OpenUntil = null;
    }

    /// <summary>Counts a failure; from the threshold on, opens the breaker for a backoff that doubles each time.</summary>
    public void RecordFailure(EndpointState state, TimeSpan interval)
    {
        var now = time.GetUtcNow();
        state.ConsecutiveFailures++;
        state.FailingSince ??= now;
        if (Backoff(state.ConsecutiveFailures, interval) is { } backoff)
        {
            state.OpenUntil = now + backoff;
        }
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
        var spread = Math.Clamp(_options.BackoffJitter, 0, 0.5);
        var jittered = raw * (1 + ((Random.Shared.NextDouble() * 2) - 1) * spread);
        return jittered < _options.BackoffCap ? jittered : _options.BackoffCap;
    }
}

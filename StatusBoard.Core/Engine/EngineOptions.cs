namespace StatusBoard.Core.Engine;

/// <summary>How the fetch engine polls and publishes (keys under <c>StatusBoard</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>The one deadline of an upstream request (poll, probe or canary): connect, headers and body. Defaults to 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Poll interval of a service whose latest reading shows an active incident or a non-operational level, so
    /// updates and recovery show sooner (a service whose own interval is shorter keeps it). Defaults to 20 s.
    /// </summary>
    public TimeSpan IncidentPollInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Requests in flight at once over all services. Defaults to 20.</summary>
    public int MaxConcurrentRequests { get; set; } = 20;

    /// <summary>Random spread of each interval (0.1 = ±10 %), so polls do not line up. Defaults to 0.1.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>Largest accepted response body in bytes; a larger one is aborted unread. Defaults to 5 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Requests in flight at once to one host (host:port). Defaults to 1: a platform host never sees a burst.</summary>
    public int MaxRequestsPerHost { get; set; } = 1;

    /// <summary>Least time between the starts of two requests to the same host. Defaults to 100 ms (120 services on one host: 12 s per round).</summary>
    public TimeSpan HostSpacing { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Consecutive failures after which an endpoint's breaker opens and backoff starts. Defaults to 3.</summary>
    public int BreakerThreshold { get; set; } = 3;

    /// <summary>Longest backoff of a failing endpoint (it doubles per failure from one interval). Defaults to 15 min.</summary>
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Random spread of each backoff (0.2 = ±20 %), so failing endpoints do not retry in lockstep.</summary>
    public double BackoffJitter { get; set; } = 0.2;

    /// <summary>
    /// Failed polls in a row before a service with a known level turns unknown; until then it keeps its last level,
    /// marked stale (flap damping). Defaults to 2.
    /// </summary>
    public int FailuresBeforeUnknown { get; set; } = 2;

    /// <summary>A status older than this many of its poll intervals is flagged stale. Defaults to 3.</summary>
    public int StaleAfterIntervals { get; set; } = 3;

    /// <summary>
    /// "Is it them or is it me?": when more than this fraction of services fail at network level (and at least
    /// <see cref="OfflineMinServices"/> do) and every canary fails too, StatusBoard reports itself offline instead
    /// of turning every tile unknown. Defaults to 0.5.
    /// </summary>
    public double OfflineFraction { get; set; } = 0.5;

    /// <summary>Fewest services failing at network level before the canaries are asked. Defaults to 3.</summary>
    public int OfflineMinServices { get; set; } = 3;

    /// <summary>Well-known URLs that answer when the internet is reachable. Any answer (any status) means "it is them".</summary>
    /// <remarks>Null means the defaults; a configured list replaces them (binding would otherwise append to a default list).</remarks>
    public string[]? CanaryUrls { get; set; }

    public static readonly string[] DefaultCanaryUrls = ["https://www.google.com/generate_204", "https://1.1.1.1/"];

    public IReadOnlyList<string> Canaries => CanaryUrls ?? DefaultCanaryUrls;
}

namespace StatusBoard.Core.Engine;

/// <summary>How the fetch engine polls and publishes (keys under <c>StatusBoard</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>Upper bound of one upstream request, headers and body. Defaults to 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests in flight at once over all services. Defaults to 20.</summary>
    public int MaxConcurrentRequests { get; set; } = 20;

    /// <summary>Random spread of each interval (0.1 = ±10 %), so polls do not line up. Defaults to 0.1.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>Largest accepted response body in bytes; a larger one is aborted unread. Defaults to 5 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Changes arriving within this window are published as one snapshot version. Defaults to 250 ms.</summary>
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls that change nothing but "last checked" and response time are folded into the next version, and
    /// published on their own at least this often. Defaults to 15 s.
    /// </summary>
    public TimeSpan FreshnessInterval { get; set; } = TimeSpan.FromSeconds(15);
}

using Microsoft.Extensions.Logging;
using StatusBoard.Core.Engine.Politeness;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Every upstream request of a poll or probe: the host's gate (slots, spacing), then one of the global slots, then
/// the (conditional) request; a 429/503 with Retry-After holds that host back for everyone.
/// </summary>
internal sealed partial class PoliteFetcher(Fetcher fetcher, HostGate hosts, RequestSlots slots, TimeProvider time, ILogger<PoliteFetcher> logger)
{
    /// <summary>Why no request may go to this URL's host now (it asked us to wait), or null.</summary>
    public string? HostAskedToWait(Uri url) =>
        hosts.BlockedUntil(url) is { } until
            ? $"Rate limited: {url.Host} asked to wait until {until.UtcDateTime:HH:mm:ss} UTC (Retry-After)"
            : null;

    public async Task<FetchResult> FetchAsync(Uri url, EndpointState? validators, CancellationToken cancellationToken)
    {
        FetchResult fetch;
        // Host gate first: waiting for a host's spacing must not hold one of the global slots.
        using (await hosts.EnterAsync(url, cancellationToken).ConfigureAwait(false))
        using (await slots.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            fetch = await fetcher.FetchAsync(url, validators, cancellationToken).ConfigureAwait(false);
        }
        if (fetch.Payload is { StatusCode: 429 or 503 } payload && RetryAfter.Until(payload.Headers, time.GetUtcNow()) is { } until)
        {
            hosts.Block(url, until);
            LogRetryAfter(logger, url.Authority, until);
        }
        return fetch;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host} sent Retry-After; no requests to it until {Until}")]
    private static partial void LogRetryAfter(ILogger logger, string host, DateTimeOffset until);
}

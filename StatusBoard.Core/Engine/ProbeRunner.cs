using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.Http;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// An entry's <c>probe</c>: our own check of the service beside its official status, read by the <c>http</c>
/// provider's rules and shown as "observed". It goes through the same host gate and global cap as every poll.
/// </summary>
internal sealed class ProbeRunner(PoliteFetcher fetcher, PayloadInterpreter interpreter, ProviderRegistry providers, ConnectivityMonitor connectivity, TimeProvider time)
{
    public async Task<ObservedStatus> ProbeAsync(ServiceDefinition service, Uri probe, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(probe, null, cancellationToken).ConfigureAwait(false);
        var ms = (int)Math.Round(fetch.Elapsed.TotalMilliseconds);
        if (fetch.Payload is not { } payload)
        {
            if (!fetch.NetworkFailure)
            {
                return new ObservedStatus(StatusLevel.MajorOutage, time.GetUtcNow(), ms, fetch.Error);
            }
            // No HTTP answer: the service's fault only while our own network works.
            var reason = $"No HTTP answer from {probe.Authority}: {fetch.Error}";
            return connectivity.IsOffline
                ? new ObservedStatus(StatusLevel.Unknown, time.GetUtcNow(), ms, $"StatusBoard is offline; {char.ToLowerInvariant(reason[0])}{reason[1..]}")
                : new ObservedStatus(StatusLevel.MajorOutage, time.GetUtcNow(), ms, reason);
        }
        var http = providers.TryGet("http", out var provider) ? provider : new HttpProbeProvider();
        var result = interpreter.Parse(http, service, payload);
        return new ObservedStatus(result.Status?.Level ?? StatusLevel.Unknown, time.GetUtcNow(), ms, result.Error ?? result.Status?.Summary);
    }
}

using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.Http;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// An entry's <c>probe</c>: our own check of the service beside its official status, read by the <c>http</c>
/// provider's rules and shown as "observed". It goes through the same host politeness as every other request.
/// </summary>
public sealed class ProbeRunner(Fetcher fetcher, HostGate hosts, ProviderRegistry providers, TimeProvider time)
{
    public async Task<ObservedStatus> ProbeAsync(ServiceDefinition service, Uri probe, CancellationToken cancellationToken)
    {
        FetchResult fetch;
        using (await hosts.EnterAsync(probe, cancellationToken).ConfigureAwait(false))
        {
            fetch = await fetcher.FetchAsync(probe, null, cancellationToken).ConfigureAwait(false);
        }
        var ms = (int)Math.Round(fetch.Elapsed.TotalMilliseconds);
        if (fetch.Payload is not { } payload)
        {
            return new ObservedStatus(StatusLevel.MajorOutage, time.GetUtcNow(), ms, fetch.Error);
        }
        var http = providers.TryGet("http", out var provider) ? provider : new HttpProbeProvider();
        var result = http.Parse(service.ProviderInput, payload);
        return new ObservedStatus(result.Status?.Level ?? StatusLevel.Unknown, time.GetUtcNow(), ms, result.Error ?? result.Status?.Summary);
    }
}

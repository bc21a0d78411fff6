using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Reads one service's upstream once: honours Retry-After and the breaker, fetches politely (detecting the platform
/// for <c>auto</c> entries), interprets the answer, applies the entry's component filter, and counts the outcome
/// against the endpoint unless the failure is our own network's. Returns plain data; nothing but cancellation escapes.
/// </summary>
internal sealed partial class ServiceReader(
    PoliteFetcher fetcher,
    PayloadInterpreter interpreter,
    AutoDetector auto,
    EndpointTracker endpoints,
    ConnectivityMonitor connectivity,
    EngineMetrics metrics,
    ILogger<ServiceReader> logger)
{
    public async Task<Reading> ReadAsync(ServiceDefinition service, TimeSpan interval, CancellationToken cancellationToken)
    {
        var detection = service.Provider == AutoDetector.ProviderName ? auto.Known(service) : null;
        var url = detection?.Url ?? service.Url;
        var endpoint = endpoints.For(service, url);
        if ((fetcher.HostAskedToWait(url) ?? endpoints.BreakerOpen(endpoint)) is { } held)
        {
            metrics.RecordFetch("skipped", TimeSpan.Zero);
            return Reading.Held(held, endpoint.ConsecutiveFailures, endpoint.FailingSince);
        }

        FetchResult fetch;
        ProviderResult result;
        if (service.Provider == AutoDetector.ProviderName && detection is null)
        {
            var detected = await auto.DetectAsync(service, u => fetcher.FetchAsync(u, null, cancellationToken)).ConfigureAwait(false);
            fetch = detected.LastFetch;
            result = detected.Result ?? ProviderResult.Fail($"auto: no known platform found at {service.Url} ({detected.LastFetch.Error ?? "no endpoint parsed"})");
            endpoint = endpoints.For(service, detected.Detection?.Url ?? service.Url);
        }
        else
        {
            var provider = detection?.Provider ?? interpreter.ProviderOf(service);
            fetch = await fetcher.FetchAsync(url, endpoint, cancellationToken).ConfigureAwait(false);
            result = interpreter.Interpret(service, provider, fetch, endpoint);
            if (detection is not null && !result.IsSuccess && fetch.Payload is not null)
            {
                auto.Forget(service); // It answered but no longer parses: the page may have moved platform.
            }
        }

        metrics.RecordFetch(Outcome(fetch, result), fetch.Elapsed);
        await connectivity.ReportAsync(service.Id, fetch.NetworkFailure, cancellationToken).ConfigureAwait(false);
        if (result.Status is { } parsed)
        {
            endpoints.RecordSuccess(endpoint);
            return Reading.Understood(service.Components is { Count: > 0 } filter ? ComponentFilter.Apply(filter, parsed) : result, fetch.Elapsed);
        }

        var ourNetwork = connectivity.IsOffline && fetch.NetworkFailure;
        if (!ourNetwork) // Our own network is down: the upstream did nothing wrong, so no backoff against it.
        {
            var opened = endpoints.RecordFailure(endpoint, interval);
            LogFault(logger, service.Id, endpoint.ConsecutiveFailures, result.Error);
            if (opened is { } until)
            {
                LogBackingOff(logger, service.Id, endpoint.ConsecutiveFailures, until, result.Error);
            }
        }
        return Reading.Failed(result.Error ?? "Fetch failed", fetch.Elapsed, endpoint.ConsecutiveFailures, endpoint.FailingSince, ourNetwork);
    }

    private static string Outcome(FetchResult fetch, ProviderResult result) => fetch switch
    {
        { Payload: null, NetworkFailure: true } => "network_error",
        { Payload: null } => "error",
        { Payload.StatusCode: 304 } => "not_modified",
        { Payload.StatusCode: < 200 or > 299 } when !result.IsSuccess => "http_error",
        _ => result.IsSuccess ? "ok" : "parse_error",
    };

    // Every failed poll is already data on its tile; the log keeps it for debugging only.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{ServiceId}: poll failed ({Failures} in a row): {Reason}")]
    private static partial void LogFault(ILogger logger, string serviceId, int failures, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: {Failures} failed polls in a row; backing off until {Until} ({Reason})")]
    private static partial void LogBackingOff(ILogger logger, string serviceId, int failures, DateTimeOffset until, string? reason);
}

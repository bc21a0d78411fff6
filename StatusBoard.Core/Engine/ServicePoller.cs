using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Polls one service once: honour the breaker and Retry-After, fetch politely (host gate, global cap, conditional
/// request), parse, apply the entry's component filter, probe, and compose the new <see cref="ServiceStatus"/> with
/// flap damping. Every failure becomes data; nothing but cancellation escapes.
/// </summary>
public sealed partial class ServicePoller(
    Fetcher fetcher,
    HostGate hosts,
    EndpointTracker endpoints,
    AutoDetector auto,
    ProbeRunner probes,
    ConnectivityMonitor connectivity,
    ProviderRegistry providers,
    SnapshotStore store,
    EngineMetrics metrics,
    IOptions<CatalogOptions> catalog,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ServicePoller> logger)
{
    public async Task<ServiceStatus> PollAsync(ServiceDefinition service, SemaphoreSlim concurrency, CancellationToken cancellationToken)
    {
        var previous = store.Current.Find(service.Id);
        var interval = catalog.Value.IntervalOf(service);
        var detection = service.Provider == AutoDetector.ProviderName ? auto.Known(service) : null;
        var url = detection?.Url ?? service.Url;
        var endpoint = endpoints.For(url);

        if (Blocked(url, endpoint) is { } blocked)
        {
            metrics.RecordFetch("skipped", TimeSpan.Zero);
            return Publish(Hold(service, previous, endpoint, blocked));
        }

        FetchResult fetch;
        ProviderResult result;
        if (service.Provider == AutoDetector.ProviderName && detection is null)
        {
            var detected = await auto.DetectAsync(service, u => FetchPolitelyAsync(u, null, concurrency, cancellationToken)).ConfigureAwait(false);
            fetch = detected.LastFetch;
            result = detected.Result ?? ProviderResult.Fail($"auto: no known platform found at {service.Url} ({detected.LastFetch.Error ?? "no endpoint parsed"})");
            endpoint = endpoints.For(detected.Detection?.Url ?? service.Url);
        }
        else
        {
            var provider = detection?.Provider ?? providers.Get(service.Provider);
            fetch = await FetchPolitelyAsync(url, endpoint, concurrency, cancellationToken).ConfigureAwait(false);
            result = Interpret(service, provider, fetch, endpoint);
            if (detection is not null && !result.IsSuccess && fetch.Payload is not null)
            {
                auto.Forget(service); // It answered but no longer parses: the page may have moved platform.
            }
        }

        HonourRetryAfter(service, url, fetch);
        metrics.RecordFetch(Outcome(fetch, result), fetch.Elapsed);
        await connectivity.ReportAsync(service.Id, fetch.NetworkFailure, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            endpoints.RecordSuccess(endpoint);
        }
        else if (connectivity.IsOffline && fetch.NetworkFailure)
        {
            // Our own network is down: the upstream did nothing wrong, so no backoff against it.
        }
        else
        {
            endpoints.RecordFailure(endpoint, interval);
            LogFault(logger, service.Id, endpoint.ConsecutiveFailures, result.Error);
        }

        var filterError = false;
        if (result.Status is { } parsed && service.Components is { Count: > 0 } filter)
        {
            result = ComponentFilter.Apply(filter, parsed);
            filterError = !result.IsSuccess;
        }
        var observed = service.Probe is { } probe
            ? await probes.ProbeAsync(service, probe, cancellationToken).ConfigureAwait(false)
            : null;

        var status = result.IsSuccess || filterError
            ? Fresh(service, previous, result, fetch, observed)
            : Failed(service, previous, endpoint, result.Error!, fetch, observed);
        return Publish(status);
    }

    private ServiceStatus Publish(ServiceStatus status)
    {
        store.Apply(status);
        return status;
    }

    private async Task<FetchResult> FetchPolitelyAsync(Uri url, EndpointState? validators, SemaphoreSlim concurrency, CancellationToken cancellationToken)
    {
        // Host gate first: waiting for a host's spacing must not hold one of the global slots.
        using (await hosts.EnterAsync(url, cancellationToken).ConfigureAwait(false))
        {
            await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await fetcher.FetchAsync(url, validators, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                concurrency.Release();
            }
        }
    }

    private string? Blocked(Uri url, EndpointState endpoint)
    {
        if (hosts.BlockedUntil(url) is { } until)
        {
            return $"Rate limited: {url.Host} asked to wait until {until.UtcDateTime:HH:mm:ss} UTC (Retry-After)";
        }
        if (endpoint.OpenUntil is { } open && open > time.GetUtcNow())
        {
            return $"Failing since {endpoint.FailingSince?.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({endpoint.ConsecutiveFailures} failures in a row); next try after {open.UtcDateTime:HH:mm:ss} UTC";
        }
        return null;
    }

    private ProviderResult Interpret(ServiceDefinition service, IStatusProvider provider, FetchResult fetch, EndpointState endpoint)
    {
        if (fetch.Payload is not { } payload)
        {
            return ProviderResult.Fail(fetch.Error ?? "Fetch failed");
        }
        if (payload.StatusCode == 304)
        {
            // Unchanged since the last 200: its meaning still holds.
            return endpoint.LastResult ?? ProviderResult.Fail("HTTP 304 Not Modified without an earlier answer to reuse");
        }
        if (payload.StatusCode is >= 300 and < 400 && !provider.AcceptsAnyStatusCode)
        {
            return ProviderResult.Fail($"Redirect loop or too many redirects (more than 5; last {Fetcher.DescribeStatus(payload.StatusCode)})");
        }
        if (payload.StatusCode is < 200 or > 299 && !provider.AcceptsAnyStatusCode)
        {
            return ProviderResult.Fail(Fetcher.DescribeStatus(payload.StatusCode));
        }
        ProviderResult result;
        try
        {
            result = provider.Parse(service.ProviderInput, payload);
        }
        catch (Exception ex)
        {
            // A provider bug must cost one service, not the engine.
            LogProviderCrash(logger, ex, service.Id, provider.Name);
            return ProviderResult.Fail($"{provider.Name}: could not read the payload ({ex.GetType().Name})");
        }
        if (result.IsSuccess && payload.StatusCode is >= 200 and <= 299)
        {
            endpoint.ETag = payload.Headers.GetValueOrDefault("ETag");
            endpoint.LastModified = payload.Headers.GetValueOrDefault("Last-Modified");
            endpoint.LastResult = result;
        }
        return result;
    }

    private void HonourRetryAfter(ServiceDefinition service, Uri url, FetchResult fetch)
    {
        if (fetch.Payload is { StatusCode: 429 or 503 } payload && RetryAfter.Until(payload.Headers, time.GetUtcNow()) is { } until)
        {
            hosts.Block(url, until);
            LogRetryAfter(logger, service.Id, url.Authority, until);
        }
    }

    private static string Outcome(FetchResult fetch, ProviderResult result) => fetch switch
    {
        { Payload: null, NetworkFailure: true } => "network_error",
        { Payload: null } => "error",
        { Payload.StatusCode: 304 } => "not_modified",
        { Payload.StatusCode: < 200 or > 299 } when !result.IsSuccess => "http_error",
        _ => result.IsSuccess ? "ok" : "parse_error",
    };

    /// <summary>A successful reading (or a component filter that matches nothing, which is config, not a fault).</summary>
    private ServiceStatus Fresh(ServiceDefinition service, ServiceStatus? previous, ProviderResult result, FetchResult fetch, ObservedStatus? observed)
    {
        var now = time.GetUtcNow();
        var parsed = result.Status;
        var level = parsed?.Level ?? StatusLevel.Unknown;
        var changed = previous?.CheckedAt is null || previous.Status != level;
        if (changed)
        {
            LogLevelChanged(logger, service.Id, previous?.Status ?? StatusLevel.Unknown, level, result.Error ?? parsed?.Summary);
        }
        return new ServiceStatus(
            service.Id, service.Name, service.Category, level,
            parsed?.Summary ?? result.Error,
            now,
            changed ? now : previous!.LastChangedAt,
            (int)Math.Round(fetch.Elapsed.TotalMilliseconds),
            result.Error,
            service.StatusPageUrl,
            parsed?.Components ?? [],
            parsed?.Incidents ?? [],
            parsed?.Maintenances ?? [],
            Observed: observed ?? previous?.Observed);
    }

    /// <summary>
    /// Flap damping: a service with a known level keeps it, marked stale, until <see cref="EngineOptions.FailuresBeforeUnknown"/>
    /// polls failed in a row — and for as long as StatusBoard itself is offline. Then it is unknown, with the reason.
    /// </summary>
    private ServiceStatus Failed(ServiceDefinition service, ServiceStatus? previous, EndpointState endpoint, string reason, FetchResult fetch, ObservedStatus? observed)
    {
        var since = endpoint.FailingSince ?? time.GetUtcNow();
        var known = previous is { CheckedAt: not null } && previous.Status != StatusLevel.Unknown;
        var ours = connectivity.IsOffline && fetch.NetworkFailure;
        if (known && (endpoint.ConsecutiveFailures < options.Value.FailuresBeforeUnknown || ours))
        {
            return previous! with { Stale = true, FailingSince = since, Error = reason, Observed = observed ?? previous.Observed };
        }
        return Unknown(service, previous, since, reason, endpoint.ConsecutiveFailures, (int)Math.Round(fetch.Elapsed.TotalMilliseconds), observed);
    }

    /// <summary>No request was made (breaker open or Retry-After): keep what is known, say why.</summary>
    private ServiceStatus Hold(ServiceDefinition service, ServiceStatus? previous, EndpointState endpoint, string reason)
    {
        var known = previous is { CheckedAt: not null } && previous.Status != StatusLevel.Unknown;
        var since = endpoint.FailingSince ?? previous?.FailingSince;
        return known
            ? previous! with { Stale = true, FailingSince = since, Error = reason }
            : Unknown(service, previous, since ?? time.GetUtcNow(), reason, endpoint.ConsecutiveFailures, previous?.ResponseTimeMs, previous?.Observed);
    }

    private ServiceStatus Unknown(ServiceDefinition service, ServiceStatus? previous, DateTimeOffset since, string reason, int failures,
        int? responseTimeMs, ObservedStatus? observed)
    {
        var now = time.GetUtcNow();
        var changed = previous?.CheckedAt is null || previous.Status != StatusLevel.Unknown;
        if (changed)
        {
            LogLevelChanged(logger, service.Id, previous?.Status ?? StatusLevel.Unknown, StatusLevel.Unknown, reason);
        }
        var summary = failures > 1 && !reason.StartsWith("Failing since", StringComparison.Ordinal)
            ? $"{reason} (failing since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"
            : reason;
        return new ServiceStatus(
            service.Id, service.Name, service.Category, StatusLevel.Unknown, summary, now,
            changed ? now : previous!.LastChangedAt,
            responseTimeMs, reason, service.StatusPageUrl, [], [], [],
            FailingSince: since, Observed: observed ?? previous?.Observed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: {From} -> {To} ({Reason})")]
    private static partial void LogLevelChanged(ILogger logger, string serviceId, StatusLevel from, StatusLevel to, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ServiceId}: poll failed ({Failures} in a row): {Reason}")]
    private static partial void LogFault(ILogger logger, string serviceId, int failures, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ServiceId}: {Host} sent Retry-After; no requests to it until {Until}")]
    private static partial void LogRetryAfter(ILogger logger, string serviceId, string host, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ServiceId}: provider {Platform} threw while parsing")]
    private static partial void LogProviderCrash(ILogger logger, Exception exception, string serviceId, string platform);
}

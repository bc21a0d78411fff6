using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Polls one service once: fetch, parse, compose the new <see cref="ServiceStatus"/> and hand it to the store.
/// Every failure becomes <c>unknown</c> with a reason; nothing but cancellation escapes.
/// </summary>
public sealed partial class ServicePoller(
    Fetcher fetcher,
    ProviderRegistry providers,
    SnapshotStore store,
    TimeProvider time,
    ILogger<ServicePoller> logger)
{
    public async Task<ServiceStatus> PollAsync(ServiceDefinition service, SemaphoreSlim concurrency, CancellationToken cancellationToken)
    {
        var provider = providers.Get(service.Provider);
        FetchResult fetch;
        await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            fetch = await fetcher.FetchAsync(service.Url, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            concurrency.Release();
        }

        var result = Interpret(service, provider, fetch);
        var status = Compose(service, result, fetch);
        store.Apply(status);
        return status;
    }

    private ProviderResult Interpret(ServiceDefinition service, IStatusProvider provider, FetchResult fetch)
    {
        if (fetch.Payload is not { } payload)
        {
            return ProviderResult.Fail(fetch.Error ?? "Fetch failed");
        }
        if (payload.StatusCode is < 200 or > 299 && !provider.AcceptsAnyStatusCode)
        {
            return ProviderResult.Fail(Fetcher.DescribeStatus(payload.StatusCode));
        }
        try
        {
            return provider.Parse(service, payload);
        }
        catch (Exception ex)
        {
            // A provider bug must cost one service, not the engine.
            LogProviderCrash(logger, ex, service.Id, provider.Name);
            return ProviderResult.Fail($"{provider.Name}: could not read the payload ({ex.GetType().Name})");
        }
    }

    private ServiceStatus Compose(ServiceDefinition service, ProviderResult result, FetchResult fetch)
    {
        var now = time.GetUtcNow();
        var previous = store.Current.Find(service.Id);
        var parsed = result.Status;
        var level = parsed?.Level ?? StatusLevel.Unknown;
        var changed = previous?.CheckedAt is null || previous.Status != level;
        if (changed)
        {
            LogLevelChanged(logger, service.Id, previous?.Status ?? StatusLevel.Unknown, level, result.Error ?? parsed?.Summary);
        }
        return new ServiceStatus(
            service.Id,
            service.Name,
            service.Category,
            level,
            parsed?.Summary ?? result.Error,
            now,
            changed ? now : previous!.LastChangedAt,
            (int)Math.Round(fetch.Elapsed.TotalMilliseconds),
            result.Error,
            service.StatusPageUrl,
            parsed?.Components ?? [],
            parsed?.Incidents ?? [],
            parsed?.Maintenances ?? []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: {From} -> {To} ({Reason})")]
    private static partial void LogLevelChanged(ILogger logger, string serviceId, StatusLevel from, StatusLevel to, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ServiceId}: provider {Platform} threw while parsing")]
    private static partial void LogProviderCrash(ILogger logger, Exception exception, string serviceId, string platform);
}

using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>
/// What a fetch means: the HTTP status first, a 304 read again from the remembered body, then the provider. The one
/// place that calls <see cref="IStatusProvider.Parse"/>, so a provider that throws costs one service, not the engine.
/// </summary>
internal sealed partial class PayloadInterpreter(ProviderRegistry providers, ILogger<PayloadInterpreter> logger)
{
    /// <summary>The provider the entry names.</summary>
    public IStatusProvider ProviderOf(ServiceDefinition service) => providers.Get(service.Provider);

    public ProviderResult Interpret(ServiceDefinition service, IStatusProvider provider, FetchResult fetch, EndpointState endpoint)
    {
        if (fetch.Payload is not { } payload)
        {
            return ProviderResult.Fail(fetch.Error ?? "Fetch failed");
        }
        if (payload.StatusCode == 304)
        {
            // The bytes are unchanged, but what they mean may depend on the time (RSS window, maintenance in progress).
            return endpoint.LastPayload is { } last
                ? Parse(provider, service, last with { Elapsed = payload.Elapsed })
                : ProviderResult.Fail("HTTP 304 Not Modified without an earlier answer to read again");
        }
        if (payload.StatusCode is >= 300 and < 400 && !provider.AcceptsAnyStatusCode)
        {
            return ProviderResult.Fail($"Redirect loop or too many redirects (more than 5; last {Fetcher.DescribeStatus(payload.StatusCode)})");
        }
        if (payload.StatusCode is < 200 or > 299 && !provider.AcceptsAnyStatusCode)
        {
            return ProviderResult.Fail(Fetcher.DescribeStatus(payload.StatusCode));
        }
        var result = Parse(provider, service, payload);
        if (result.IsSuccess && payload.StatusCode is >= 200 and <= 299)
        {
            endpoint.ETag = payload.Headers.GetValueOrDefault("ETag");
            endpoint.LastModified = payload.Headers.GetValueOrDefault("Last-Modified");
            endpoint.LastPayload = payload;
        }
        return result;
    }

    /// <summary>The provider's reading of <paramref name="payload"/>; a provider that throws becomes a failure with a reason.</summary>
    public ProviderResult Parse(IStatusProvider provider, ServiceDefinition service, FetchedPayload payload)
    {
        try
        {
            return provider.Parse(service.ProviderInput, payload);
        }
        catch (Exception ex)
        {
            LogProviderCrash(logger, ex, service.Id, provider.Name);
            return ProviderResult.Fail($"{provider.Name}: could not read the payload ({ex.GetType().Name})");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{ServiceId}: provider {Platform} threw while parsing")]
    private static partial void LogProviderCrash(ILogger logger, Exception exception, string serviceId, string platform);
}

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Configuration;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.History;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core;

/// <summary>The one place where Core registers itself.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddStatusBoardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CatalogOptions>()
            .Configure(options => CatalogLoader.Load(configuration, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, ValidateCatalogOptions>();
        services.AddOptions<EngineOptions>()
            .BindReporting(configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "StatusBoard:RequestTimeout must be positive.")
            .Validate(o => o.MaxConcurrentRequests > 0, "StatusBoard:MaxConcurrentRequests must be at least 1.")
            .Validate(o => o.MaxResponseBytes > 0, "StatusBoard:MaxResponseBytes must be positive.")
            .Validate(o => o.MaxRequestsPerHost > 0, "StatusBoard:MaxRequestsPerHost must be at least 1.")
            .Validate(o => o.HostSpacing >= TimeSpan.Zero, "StatusBoard:HostSpacing must not be negative.")
            .Validate(o => o.BreakerThreshold > 0, "StatusBoard:BreakerThreshold must be at least 1.")
            .Validate(o => o.BackoffCap > TimeSpan.Zero, "StatusBoard:BackoffCap must be positive.")
            .Validate(o => o.FailuresBeforeUnknown > 0, "StatusBoard:FailuresBeforeUnknown must be at least 1.")
            .Validate(o => o.StaleAfterIntervals > 0, "StatusBoard:StaleAfterIntervals must be at least 1.")
            .Validate(o => o.OfflineFraction is > 0 and <= 1, "StatusBoard:OfflineFraction must be in (0, 1].")
            .Validate(o => o.Canaries.All(u => Uri.TryCreate(u, UriKind.Absolute, out var c) && c.Scheme is "http" or "https"),
                "StatusBoard:CanaryUrls must be absolute http(s) URLs.")
            .ValidateOnStart();

        services.AddStatusProviders();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<Fetcher>();
        services.AddSingleton<HostGate>();
        services.AddSingleton<EndpointTracker>();
        services.AddSingleton<AutoDetector>();
        services.AddSingleton<EntryDetector>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<ConnectivityMonitor>();
        services.AddMetrics();
        services.AddSingleton<EngineMetrics>();
        services.AddSingleton<ServicePoller>();
        services.AddStatusHistory(configuration); // before the engine: restores the last known state before its first poll
        services.AddSingleton<StatusEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusEngine>());
        services.AddSingleton<StalenessSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StalenessSweeper>());
        services.AddUpstreamHttpClient();
        return services;
    }

    private static void AddStatusHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryOptions>()
            .BindReporting(configuration.GetSection(HistoryOptions.SectionName))
            .Validate(o => o.Retention >= TimeSpan.FromDays(1), "StatusBoard:History:Retention must be at least one day.")
            .Validate(o => o.FlushInterval > TimeSpan.Zero, "StatusBoard:History:FlushInterval must be positive.")
            .Validate(o => o.PruneInterval > TimeSpan.Zero, "StatusBoard:History:PruneInterval must be positive.")
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero, "StatusBoard:History:HeartbeatInterval must be positive.")
            .Validate(o => o.MaxPendingRows > 0, "StatusBoard:History:MaxPendingRows must be at least 1.")
            .Validate(o => o.FileName.Length > 0 && o.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0,
                "StatusBoard:History:FileName must be a plain file name.")
            .ValidateOnStart();
        services.AddSingleton<HistoryDatabase>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<HistoryHealth>();
        services.AddSingleton<HistoryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryRecorder>());
    }

    /// <summary>Every concrete <see cref="IStatusProvider"/> in Core is registered: adding a provider is adding its class.</summary>
    private static void AddStatusProviders(this IServiceCollection services)
    {
        var providerTypes = typeof(IStatusProvider).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStatusProvider).IsAssignableFrom(t));
        foreach (var type in providerTypes)
        {
            services.AddSingleton(typeof(IStatusProvider), type);
        }
        services.AddSingleton<ProviderRegistry>();
    }

    private static void AddUpstreamHttpClient(this IServiceCollection services)
    {
        var version = typeof(CoreServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3) ?? "0";
        services.AddHttpClient(Fetcher.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // The fetcher's deadline bounds headers and body together.
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"StatusBoard/{version}");
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                // Recycle pooled connections so DNS changes of status pages are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("upstream", (builder, context) =>
            {
                var engine = context.ServiceProvider.GetRequiredService<IOptions<EngineOptions>>().Value;
                builder.AddTimeout(engine.RequestTimeout);
            });
    }
}

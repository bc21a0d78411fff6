using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Configuration;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.History;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
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
        // Every reader of IOptions<CatalogOptions> sees the catalog in force, reloads included.
        services.AddSingleton<LiveCatalog>();
        services.AddSingleton<IOptions<CatalogOptions>>(sp => sp.GetRequiredService<LiveCatalog>());
        services.AddOptions<EngineOptions>()
            .BindReporting(configuration.GetSection(CatalogOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngineOptions>, ValidateEngineOptions>();
        // Parts that read Value per poll follow appsettings.json edits (see LiveEngineOptions).
        services.AddSingleton<IOptions<EngineOptions>, LiveEngineOptions>();

        services.AddHostedService<CatalogFileWatcher>();
        services.AddStatusProviders();
        services.AddSnapshotStore(configuration);
        services.AddEngine();
        services.AddStatusBoardNotifications(configuration); // its rules run inside the history recorder
        services.AddStatusHistory(configuration); // before the engine: restores the last known state before its first poll
        services.AddCluster(configuration); // after the history: a follower shows the restored state until the leader's
        services.AddHostedService(sp => sp.GetRequiredService<StatusEngine>());
        services.AddNotificationDelivery(configuration);
        services.AddSingleton<StalenessSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StalenessSweeper>());
        return services;
    }

    private static void AddSnapshotStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SnapshotOptions>()
            .BindReporting(configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.PublishDelay >= TimeSpan.Zero, "StatusBoard:PublishDelay must not be negative.")
            .Validate(o => o.FreshnessInterval > TimeSpan.Zero, "StatusBoard:FreshnessInterval must be positive.")
            .ValidateOnStart();
        // Every catalog service is on the board from the first request, as "not checked yet".
        services.AddSingleton(sp => new SnapshotStore(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SnapshotOptions>>(),
            sp.GetRequiredService<IOptions<CatalogOptions>>().Value.Services.Select(s => ServiceStatus.Pending(s.Id, s.Name, s.Category, s.StatusPageUrl))));
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
        services.AddOptions<DatabaseOptions>()
            .BindReporting(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, ValidateDatabaseOptions>();
        services.AddSingleton<HistoryDatabase>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<HistoryHealth>();
        // Hosted in this order, all before the engine: restore the last state, then record from the first poll on.
        services.AddHostedService<HistoryRestorer>();
        services.AddSingleton<HistoryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryRecorder>());
        services.AddHostedService<HistoryMaintenance>();
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

    /// <summary>The engine's parts: polite fetching, interpretation, composition, and "is it them or is it me?".</summary>
    private static void AddEngine(this IServiceCollection services)
    {
        services.AddSingleton<Fetcher>();
        services.AddSingleton<HostGate>();
        services.AddSingleton<RequestSlots>();
        services.AddSingleton<PoliteFetcher>();
        services.AddSingleton<EndpointTracker>();
        services.AddSingleton<PayloadInterpreter>();
        services.AddSingleton<AutoDetector>();
        services.AddSingleton(sp => new EntryDetector(sp.GetRequiredService<AutoDetector>(), sp.GetRequiredService<Fetcher>()));
        services.AddSingleton<ConnectivityMonitor>();
        services.AddSingleton<ProbeRunner>();
        services.AddMetrics();
        services.AddSingleton<EngineMetrics>();
        services.AddSingleton<ServiceReader>();
        services.AddSingleton<StatusComposer>();
        services.AddSingleton<ServicePoller>();
        // Its constructor is internal (it takes engine internals); the hosted-service registration stays with the others.
        services.AddSingleton<CatalogReconciler>();
        services.AddSingleton(sp => new StatusEngine(
            sp.GetRequiredService<LiveCatalog>(), sp.GetRequiredService<IOptions<EngineOptions>>(),
            sp.GetRequiredService<ServicePoller>(), sp.GetRequiredService<CatalogReconciler>(),
            sp.GetRequiredService<Leadership>(), sp.GetRequiredService<SnapshotStore>(), sp.GetService<ClusterState>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StatusEngine>>()));
        services.AddUpstreamHttpClient();
    }
}

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;
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
            .Bind(configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "StatusBoard:RequestTimeout must be positive.")
            .Validate(o => o.MaxConcurrentRequests > 0, "StatusBoard:MaxConcurrentRequests must be at least 1.")
            .Validate(o => o.MaxResponseBytes > 0, "StatusBoard:MaxResponseBytes must be positive.")
            .ValidateOnStart();

        services.AddStatusProviders();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<Fetcher>();
        services.AddSingleton<ServicePoller>();
        services.AddSingleton<StatusEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusEngine>());
        services.AddUpstreamHttpClient();
        return services;
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

using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;

namespace StatusBoard.Web.Demo;

/// <summary>Demo mode: <c>dotnet run --project StatusBoard.Web -- --demo</c> or <c>StatusBoard:Demo=true</c>.</summary>
public static class DemoMode
{
    public const string ConfigKey = "StatusBoard:Demo";

    /// <summary>Turns the bare <c>--demo</c> switch into the configuration key.</summary>
    public static string[] MapSwitch(string[] args) =>
        args.Select(a => a == "--demo" ? $"--{ConfigKey}=true" : a).ToArray();

    /// <summary>
    /// Registers the demo's catalog rewrite and simulated upstream. Both read <see cref="ConfigKey"/> when used,
    /// not now, so configuration added later (tests, reloads) is honoured; outside demo mode they do nothing.
    /// </summary>
    public static IServiceCollection AddStatusBoardDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoCatalog>();
        services.AddHostedService<DemoHistorySeeder>();
        services.AddSingleton<IPostConfigureOptions<CatalogOptions>>(sp => sp.GetRequiredService<DemoCatalog>());
        services.AddHttpClient(UpstreamHttpClient.Name)
            .AddHttpMessageHandler(sp => new DemoUpstreamHandler(sp.GetRequiredService<DemoCatalog>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

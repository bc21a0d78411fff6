using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace StatusBoard.Core.Engine;

/// <summary>The named HttpClient every upstream request uses; the demo plugs its simulated upstream into it.</summary>
public static class UpstreamHttpClient
{
    public const string Name = "upstream";

    internal static IServiceCollection AddUpstreamHttpClient(this IServiceCollection services)
    {
        var version = typeof(UpstreamHttpClient).Assembly.GetName().Version?.ToString(3) ?? "0";
        services.AddHttpClient(Name, client =>
            {
                // The fetcher's one deadline bounds connect, headers and body together; no second timeout below it
                // (the handler's ConnectTimeout stays infinite too).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"StatusBoard/{version}");
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                // Recycle pooled connections so DNS changes of status pages are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // Every outcome is already data (the tile's reason, the fetch metrics); the factory's own logging would
            // repeat each network failure with a stack trace, which is noise when our network is down.
            .RemoveAllLoggers();
        return services;
    }
}

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;
using StatusBoard.Core.Cluster;

namespace StatusBoard.Web.Operations;

/// <summary><c>/healthz</c> (ASP.NET Core health checks) and <c>/metrics</c> (Prometheus text format via prometheus-net).</summary>
public static class OperationsEndpoints
{
    /// <summary>Call after Core's registration: the cluster check exists only when Core registered cluster mode.</summary>
    public static IServiceCollection AddStatusBoardOperations(this IServiceCollection services)
    {
        var checks = services.AddHealthChecks().AddCheck<EngineHealthCheck>("engine").AddCheck<HistoryHealthCheck>("history")
            .AddCheck<ConfigurationHealthCheck>("configuration").AddCheck<NotificationsHealthCheck>("notifications");
        if (services.Any(d => d.ServiceType == typeof(LeaderElection)))
        {
            checks.AddCheck<ClusterHealthCheck>("cluster"); // cluster mode only: one box's /healthz stays as it was
        }
        services.AddSingleton<EngineMeterBridge>();
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.Services.GetRequiredService<EngineMeterBridge>(); // Listening before the engine's first poll.
        LiveGauges.Register(app.Services);
        app.MapMetrics("/metrics");
        return app;
    }
}

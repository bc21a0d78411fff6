using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;

namespace StatusBoard.Web.Operations;

/// <summary><c>/healthz</c> (ASP.NET Core health checks) and <c>/metrics</c> (Prometheus text format via prometheus-net).</summary>
public static class OperationsEndpoints
{
    public static IServiceCollection AddStatusBoardOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<EngineHealthCheck>("engine").AddCheck<HistoryHealthCheck>("history")
            .AddCheck<ConfigurationHealthCheck>("configuration").AddCheck<NotificationsHealthCheck>("notifications");
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

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Web.Operations;

/// <summary>The configuration in force: where it came from and when; Degraded while the last edit was rejected.</summary>
public sealed class ConfigurationHealthCheck(LiveCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["source"] = catalog.Source,
            ["loadedAt"] = catalog.LoadedAt.ToString("O"),
            ["services"] = catalog.Value.Services.Count,
        };
        if (catalog.Rejection is { } rejection)
        {
            var messages = string.Join("; ", rejection.Messages);
            return Task.FromResult(HealthCheckResult.Degraded($"configuration rejected at {rejection.At:O}: {messages}", data: data));
        }
        return Task.FromResult(HealthCheckResult.Healthy($"configuration loaded from {catalog.Source} at {catalog.LoadedAt:O}", data));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Operations;

/// <summary>The history database accepts writes. Degraded, not unhealthy, when it does not: the live dashboard works from memory.</summary>
public sealed class HistoryHealthCheck(HistoryHealth health, HistoryDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            [HealthResponse.OperatorOnly.Path] = database.FilePath,
            ["batchesWritten"] = health.BatchesWritten,
            ["lastWriteAt"] = health.LastWriteAt?.ToString("O") ?? "never",
            ["pendingRows"] = health.Pending,
            ["droppedRows"] = health.DroppedRows,
        };
        if (health.Healthy)
        {
            return Task.FromResult(HealthCheckResult.Healthy("History database writable", data));
        }
        data["lastErrorAt"] = health.LastErrorAt?.ToString("O") ?? "";
        // The driver's message can name files and settings: it goes in operator-only data, not the description.
        data[HealthResponse.OperatorOnly.LastError] = health.LastError ?? "";
        return Task.FromResult(HealthCheckResult.Degraded("History database failing", data: data));
    }
}

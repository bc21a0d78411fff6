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
            ["path"] = database.FilePath,
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
        return Task.FromResult(HealthCheckResult.Degraded($"History database failing: {health.LastError}", data: data));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Operations;

/// <summary>
/// The history database accepts writes (and, for PostgreSQL, answers now). Degraded, not unhealthy, when it does not:
/// the live dashboard works from memory.
/// </summary>
public sealed class HistoryHealthCheck(HistoryHealth health, HistoryDatabase database, HistoryRecorder recorder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            // The location never holds credentials (the connection string does, so it is never shown).
            [HealthResponse.OperatorOnly.Path] = database.Location,
            ["provider"] = database.IsPostgres ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite,
            ["writing"] = recorder.IsWriting,
            ["batchesWritten"] = health.BatchesWritten,
            ["lastWriteAt"] = health.LastWriteAt?.ToString("O") ?? "never",
            ["pendingRows"] = health.Pending,
            ["droppedRows"] = health.DroppedRows,
        };
        if (database.IsPostgres && await database.PingAsync(cancellationToken) is { } unreachable)
        {
            data["reachable"] = false;
            data[HealthResponse.OperatorOnly.LastError] = unreachable;
            return HealthCheckResult.Degraded("History database unreachable", data: data);
        }
        if (health.Healthy)
        {
            return HealthCheckResult.Healthy("History database writable", data);
        }
        data["lastErrorAt"] = health.LastErrorAt?.ToString("O") ?? "";
        // The driver's message can name files and settings: it goes in operator-only data, not the description.
        data[HealthResponse.OperatorOnly.LastError] = health.LastError ?? "";
        return HealthCheckResult.Degraded("History database failing", data: data);
    }
}

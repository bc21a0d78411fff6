using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// At start, before the engine's first poll, puts every service's last stored status into the store (flagged
/// stale until polled again), so the board opens with what was last known instead of "not checked yet".
/// </summary>
internal sealed partial class HistoryRestorer(
    SnapshotStore store,
    HistoryReader reader,
    HistoryHealth health,
    HistoryDatabase database,
    TimeProvider time,
    ILogger<HistoryRestorer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Restore();
        }
        catch (Exception e)
        {
            health.Failed(time.GetUtcNow(), e.Message, 0);
            LogUnavailable(logger, database.Location, e.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Restore()
    {
        var saved = reader.LastStatuses().ToDictionary(s => s.Status.Id, s => s.Status, StringComparer.Ordinal);
        var restored = 0;
        var services = store.Current.Services.Select(pending =>
        {
            if (!saved.TryGetValue(pending.Id, out var last) || last.CheckedAt is null)
            {
                return pending;
            }
            restored++;
            return AsRestored(last, pending);
        }).ToList();
        if (restored > 0)
        {
            store.Reset(services);
        }
        LogRestored(logger, restored, database.Location);
    }

    /// <summary>A service's last stored status shown again: the catalog has the last word on names and links; stale until polled.</summary>
    public static ServiceStatus AsRestored(ServiceStatus last, ServiceStatus pending) =>
        last with { Name = pending.Name, Category = pending.Category, StatusPageUrl = pending.StatusPageUrl, Stale = true };

    [LoggerMessage(Level = LogLevel.Information, Message = "History: restored the last known status of {Count} services from {Path}")]
    private static partial void LogRestored(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: cannot open {Path}: {Error}. Starting without the last known state.")]
    private static partial void LogUnavailable(ILogger logger, string path, string error);
}

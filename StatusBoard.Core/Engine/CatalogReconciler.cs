using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Applies a valid catalog reload to the store in one version: kept services keep their reading (with the new name,
/// category and link), added ones return with their last stored status when they had one, removed ones leave. Entries
/// whose polling changed forget their endpoint state, so their next poll starts from scratch.
/// </summary>
internal sealed partial class CatalogReconciler(
    SnapshotStore store,
    HistoryReader history,
    EndpointTracker endpoints,
    AutoDetector auto,
    ILogger<CatalogReconciler> logger)
{
    public CatalogChanges Apply(CatalogOptions previous, CatalogOptions next)
    {
        var changes = CatalogChanges.Between(previous, next);
        foreach (var service in changes.Changed)
        {
            endpoints.Forget(service.Id);
            auto.Forget(service);
        }
        var restored = changes.Added.Count > 0 ? LastKnown() : [];
        var definitions = next.Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        store.Reconcile([.. next.Services.Select(s => s.Id)], (id, shown) =>
        {
            var service = definitions[id];
            var pending = ServiceStatus.Pending(service.Id, service.Name, service.Category, service.StatusPageUrl);
            return shown is not null
                ? shown with { Name = service.Name, Category = service.Category, StatusPageUrl = service.StatusPageUrl }
                : restored.TryGetValue(id, out var last) ? HistoryRestorer.AsRestored(last, pending) : pending;
        });
        LogReconciled(logger, changes.Added.Count, changes.Changed.Count, changes.Removed.Count, changes.Kept.Count);
        return changes;
    }

    private Dictionary<string, ServiceStatus> LastKnown()
    {
        try
        {
            return history.LastStatuses().Where(s => s.Status.CheckedAt is not null)
                .ToDictionary(s => s.Status.Id, s => s.Status, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            // History is a nicety here: a returning service then starts as "not checked yet".
            LogHistoryUnavailable(logger, ex.Message);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog reconciled: {Added} added, {Changed} changed, {Removed} removed, {Kept} kept")]
    private static partial void LogReconciled(ILogger logger, int added, int changed, int removed, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog reload: history unavailable, added services start unchecked: {Error}")]
    private static partial void LogHistoryUnavailable(ILogger logger, string error);
}

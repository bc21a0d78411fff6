using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine.Truth;

/// <summary>
/// Every <see cref="SnapshotOptions.FreshnessInterval"/>, asks the store to flag a status older than
/// <see cref="EngineOptions.StaleAfterIntervals"/> of its poll intervals as stale, so a service whose polls stopped
/// arriving (backoff, Retry-After, a stuck host) never looks current. The store decides against the freshest status
/// it holds: the sweeper is not a second writer.
/// </summary>
public sealed class StalenessSweeper(
    SnapshotStore store,
    IOptions<CatalogOptions> catalog,
    IOptions<EngineOptions> engine,
    IOptions<SnapshotOptions> snapshot,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(snapshot.Value.FreshnessInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Flags what is overdue now; returns how many statuses were flagged.</summary>
    public int Sweep()
    {
        var limits = catalog.Value.Services.ToDictionary(
            s => s.Id, s => catalog.Value.IntervalOf(s) * engine.Value.StaleAfterIntervals, StringComparer.Ordinal);
        return store.MarkStale(id => limits.TryGetValue(id, out var limit) ? limit : null);
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine.Truth;

/// <summary>
/// Flags a status older than <see cref="EngineOptions.StaleAfterIntervals"/> of its poll intervals as stale, so a
/// service whose polls stopped arriving (backoff, Retry-After, a stuck host) never looks current.
/// </summary>
public sealed class StalenessSweeper(SnapshotStore store, IOptions<CatalogOptions> catalog, IOptions<EngineOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FreshnessInterval, time);
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

    public void Sweep()
    {
        var now = time.GetUtcNow();
        var intervals = catalog.Value.Services.ToDictionary(s => s.Id, catalog.Value.IntervalOf, StringComparer.Ordinal);
        foreach (var status in store.Current.Services)
        {
            if (!status.Stale && status.CheckedAt is { } checkedAt && intervals.TryGetValue(status.Id, out var interval)
                && now - checkedAt > interval * options.Value.StaleAfterIntervals)
            {
                store.Apply(status with { Stale = true });
            }
        }
    }
}

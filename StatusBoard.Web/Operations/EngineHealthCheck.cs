using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Operations;

/// <summary>
/// The fetch engine is alive and keeps finishing polls: unhealthy when its loop stopped, degraded when no poll
/// finished for two of the longest intervals, and it says when StatusBoard itself is offline.
/// </summary>
public sealed class EngineHealthCheck(StatusEngine engine, SnapshotStore store, IOptions<CatalogOptions> catalog, Leadership leadership,
    TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var longest = catalog.Value.Services.Select(catalog.Value.IntervalOf).DefaultIfEmpty(catalog.Value.PollInterval).Max();
        var last = engine.LastPollCompletedAt;
        var age = last is { } at ? time.GetUtcNow() - at : (TimeSpan?)null;
        var data = new Dictionary<string, object>
        {
            ["running"] = engine.IsRunning,
            ["completedPolls"] = engine.CompletedPolls,
            ["lastPollCompletedAt"] = last?.ToString("O") ?? "never",
            ["lastPollAgeSeconds"] = age is { } a ? Math.Round(a.TotalSeconds, 1) : -1,
            ["snapshotVersion"] = store.Current.Version,
            ["offline"] = store.Current.Offline?.Message ?? "no",
        };
        var result = !engine.IsRunning
            ? HealthCheckResult.Unhealthy("The polling engine is not running", data: data)
            : !leadership.IsLeader
                ? HealthCheckResult.Healthy("This node follows: the cluster's leader polls (see the cluster check)", data)
            : age > longest * 2
                ? HealthCheckResult.Degraded($"No poll finished for {age.Value.TotalSeconds:0} s (intervals up to {longest.TotalSeconds:0} s)", data: data)
                : store.Current.Offline is { } offline
                    ? HealthCheckResult.Degraded(offline.Message, data: data)
                    : HealthCheckResult.Healthy(last is null ? "Engine started; first polls in flight" : $"Last poll finished {age!.Value.TotalSeconds:0} s ago", data);
        return Task.FromResult(result);
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Operations;

/// <summary>
/// In cluster mode: this node's role, who holds the lease, the version shown and how long ago it came, and whether
/// Redis answers. Degraded while Redis is unreachable or the leader has not been heard for StaleAfter.
/// </summary>
public sealed class ClusterHealthCheck(
    LeaderElection election,
    ClusterState state,
    SnapshotStore store,
    IConnectionMultiplexer redis,
    ClusterOptions options,
    TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var holder = await LeaseHolderAsync().ConfigureAwait(false);
        var reachable = holder.Answered;
        var seenAt = state.VersionSeenAt;
        var data = new Dictionary<string, object>
        {
            ["role"] = election.Role == ClusterRole.Leader ? "leader" : "follower",
            ["node"] = state.NodeName,
            ["leaseHolder"] = holder.Name ?? "none",
            ["version"] = store.Current.Version,
            ["versionAgeSeconds"] = seenAt is { } at ? Math.Round((time.GetUtcNow() - at).TotalSeconds, 1) : -1,
            ["versionLag"] = state.LagBehind(store.Current.Version),
            ["redis"] = reachable ? "reachable" : "unreachable",
            ["stale"] = state.Stale,
        };
        if (!reachable)
        {
            return HealthCheckResult.Degraded("Redis is unreachable: this node shows the last version it got", data: data);
        }
        if (state.Stale)
        {
            return HealthCheckResult.Degraded($"Nothing heard from the leader for more than {options.StaleAfter.TotalSeconds:0} s", data: data);
        }
        return HealthCheckResult.Healthy(election.Role == ClusterRole.Leader
            ? "Leader: this node polls and publishes"
            : $"Follower of {holder.Name ?? "nobody yet"}", data);
    }

    private async Task<(bool Answered, string? Name)> LeaseHolderAsync()
    {
        if (!redis.IsConnected)
        {
            return (false, null);
        }
        try
        {
            var token = await election.LeaseHolderAsync().WaitAsync(options.LeasePeriod / 2, time).ConfigureAwait(false);
            return (true, token is null ? null : ClusterNodeName.FromToken(token));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return (false, null);
        }
    }
}

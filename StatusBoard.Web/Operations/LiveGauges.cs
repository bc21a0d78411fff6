using Prometheus;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Circuits;

namespace StatusBoard.Web.Operations;

/// <summary>Gauges only the web app knows: live Blazor circuits and SSE clients, read when Prometheus scrapes.</summary>
public static class LiveGauges
{
    private static readonly Gauge s_circuits = Metrics.CreateGauge("statusboard_live_circuits", "Live Blazor dashboard circuits");

    private static readonly Gauge s_sseClients = Metrics.CreateGauge("statusboard_sse_clients", "Connected /api/status/stream clients and live subscribers of the snapshot");

    // Not published until set: one box's /metrics stays as it was.
    private static readonly GaugeConfiguration s_clusterOnly = new() { SuppressInitialValue = true };

    private static readonly Gauge s_leader = Metrics.CreateGauge("statusboard_cluster_leader", "1 on the cluster's leader (the node that polls), 0 on followers; absent on one box", s_clusterOnly);

    private static readonly Gauge s_versionLag = Metrics.CreateGauge("statusboard_cluster_version_lag", "Versions this node is behind the latest one it has heard of", s_clusterOnly);

    private static readonly Gauge s_snapshotAge = Metrics.CreateGauge("statusboard_cluster_snapshot_age_seconds", "Seconds since this node got or made the version it shows", s_clusterOnly);

    // The registry is static and has no way to remove a callback: it gets one callback, which holds the running
    // app only weakly, so a stopped app (a test host, a restarted host) can be collected.
    private static volatile WeakReference<IServiceProvider>? s_app;

    static LiveGauges() => Metrics.DefaultRegistry.AddBeforeCollectCallback(Collect);

    /// <summary>Makes these gauges read <paramref name="services"/>' circuit counter and store (the latest app wins).</summary>
    public static void Register(IServiceProvider services) => s_app = new WeakReference<IServiceProvider>(services);

    private static void Collect()
    {
        if (s_app is null || !s_app.TryGetTarget(out var services))
        {
            return;
        }
        try
        {
            // Resolved at scrape time: at start-up the catalog has not been validated yet (StartupGuard does that).
            s_circuits.Set(services.GetRequiredService<CircuitCounter>().Live);
            var store = services.GetRequiredService<SnapshotStore>();
            s_sseClients.Set(store.SubscriberCount);
            if (services.GetService<ClusterState>() is { } cluster)
            {
                s_leader.Set(services.GetRequiredService<Leadership>().IsLeader ? 1 : 0);
                s_versionLag.Set(cluster.LagBehind(store.Current.Version));
                s_snapshotAge.Set(cluster.VersionSeenAt is { } at ? (services.GetRequiredService<TimeProvider>().GetUtcNow() - at).TotalSeconds : -1);
            }
        }
        catch (ObjectDisposedException)
        {
            // That app stopped; nothing to report until another one registers.
        }
    }
}

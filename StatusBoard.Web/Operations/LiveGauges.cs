using Prometheus;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Circuits;

namespace StatusBoard.Web.Operations;

/// <summary>Gauges only the web app knows: live Blazor circuits and SSE clients, read when Prometheus scrapes.</summary>
public static class LiveGauges
{
    private static readonly Gauge s_circuits = Metrics.CreateGauge("statusboard_live_circuits", "Live Blazor dashboard circuits");

    private static readonly Gauge s_sseClients = Metrics.CreateGauge("statusboard_sse_clients", "Connected /api/status/stream clients and live subscribers of the snapshot");

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
            s_sseClients.Set(services.GetRequiredService<SnapshotStore>().SubscriberCount);
        }
        catch (ObjectDisposedException)
        {
            // That app stopped; nothing to report until another one registers.
        }
    }
}

using Prometheus;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Circuits;

namespace StatusBoard.Web.Operations;

/// <summary>Gauges only the web app knows: live Blazor circuits and SSE clients, read when Prometheus scrapes.</summary>
public static class LiveGauges
{
    public static void Register(IServiceProvider services)
    {
        // Resolved at scrape time: at start-up the catalog has not been validated yet (StartupGuard does that).
        var circuitGauge = Metrics.CreateGauge("statusboard_live_circuits", "Live Blazor dashboard circuits");
        var sseGauge = Metrics.CreateGauge("statusboard_sse_clients", "Connected /api/status/stream clients and live subscribers of the snapshot");
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            circuitGauge.Set(services.GetRequiredService<CircuitCounter>().Live);
            sseGauge.Set(services.GetRequiredService<SnapshotStore>().SubscriberCount);
        });
    }
}

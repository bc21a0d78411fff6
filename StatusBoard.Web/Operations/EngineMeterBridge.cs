using System.Diagnostics.Metrics;
using Prometheus;
using StatusBoard.Core.Engine;

namespace StatusBoard.Web.Operations;

/// <summary>
/// Exports the engine's fetch counter and duration histogram as real Prometheus counter and histogram types.
/// prometheus-net's automatic Meter adapter turns .NET counters into gauges (and in our runs recorded none), so
/// these two are forwarded here; the engine's observable gauges still go through the adapter.
/// </summary>
public sealed class EngineMeterBridge : IDisposable
{
    private static readonly Counter s_fetches = Metrics.CreateCounter("statusboard_fetches_total", "Upstream requests by outcome", "outcome");

    private static readonly Histogram s_duration = Metrics.CreateHistogram("statusboard_fetch_duration_seconds", "Upstream request duration",
        new HistogramConfiguration { Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });

    private readonly MeterListener _listener = new();

    public EngineMeterBridge()
    {
        // ASP.NET Core's per-request meters are left out: recording them costs every API request more than serving it.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument =>
            !(instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name is EngineMetrics.FetchesName or EngineMetrics.FetchDurationName)
            && instrument.Meter.Name is not ("Microsoft.AspNetCore.Hosting" or "Microsoft.AspNetCore.Routing"));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name is EngineMetrics.FetchesName or EngineMetrics.FetchDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    s_fetches.WithLabels(tag.Value?.ToString() ?? "").Inc(value);
                }
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => s_duration.Observe(value));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();
}

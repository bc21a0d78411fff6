using System.Diagnostics.Metrics;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The engine's instruments on a <see cref="System.Diagnostics.Metrics.Meter"/> named "StatusBoard"; the web app
/// exports them in Prometheus format. Core stays free of any exporter.
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "StatusBoard";
    public const string FetchesName = "fetches";
    public const string FetchDurationName = "fetch_duration";

    private readonly Meter _meter;
    private readonly Counter<long> _fetches;
    private readonly Histogram<double> _fetchSeconds;

    public EngineMetrics(IMeterFactory meters, SnapshotStore store)
    {
        _meter = meters.Create(MeterName);
        _fetches = _meter.CreateCounter<long>(FetchesName, description: "Upstream requests by outcome");
        _fetchSeconds = _meter.CreateHistogram<double>(FetchDurationName, unit: "s", description: "Upstream request duration",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });
        _meter.CreateObservableGauge("service_level", () => store.Current.Services.Select(s =>
                new Measurement<int>(s.Status.Severity(), new KeyValuePair<string, object?>("service", s.Id), new KeyValuePair<string, object?>("level", s.Status.ToApiName()))),
            description: "Each service's level as its severity (0 operational … 5 major outage)");
        _meter.CreateObservableGauge("snapshot_version", () => store.Current.Version, description: "Current snapshot version");
    }

    /// <summary>Outcome is one of ok, not_modified, http_error, parse_error, network_error, skipped.</summary>
    public void RecordFetch(string outcome, TimeSpan elapsed)
    {
        _fetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome != "skipped")
        {
            _fetchSeconds.Record(elapsed.TotalSeconds);
        }
    }

    public void Dispose() => _meter.Dispose();
}

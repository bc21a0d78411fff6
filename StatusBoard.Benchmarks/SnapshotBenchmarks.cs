using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Benchmarks;

/// <summary>
/// What a change and a request cost. Baseline: serializing the whole map, which the seed design does for every
/// request. StatusBoard serializes only the changed service once per version, and a request copies bytes.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private ImmutableArray<ServiceStatus> _services;
    private ImmutableArray<ServiceStatus> _oneChanged;
    private Snapshot _snapshot = null!;
    private readonly MemoryStream _sink = new(256 * 1024);

    [Params(120)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = [.. Enumerable.Range(0, Services).Select(SampleServices.Create)];
        var changed = _services[Services / 2] with { Status = StatusLevel.MajorOutage, Summary = "Major outage" };
        _oneChanged = _services.SetItem(Services / 2, changed);
        _snapshot = Snapshot.Create(1, DateTimeOffset.UnixEpoch, "bench", _services);
    }

    [Benchmark(Baseline = true)]
    public long SerializeWholeMap()
    {
        _sink.Position = 0;
        using var writer = new Utf8JsonWriter(_sink);
        writer.WriteStartArray();
        foreach (var service in _services)
        {
            JsonSerializer.Serialize(writer, service, SnapshotJsonContext.Default.ServiceStatus);
        }
        writer.WriteEndArray();
        writer.Flush();
        return _sink.Position;
    }

    [Benchmark]
    public Snapshot PublishOneChange() => Snapshot.Create(2, DateTimeOffset.UnixEpoch, "bench", _oneChanged, _snapshot);

    /// <summary>The compact view's bytes, made once per version on the first /api/status/summary request.</summary>
    [Benchmark]
    public byte[] MakeSummary() => JsonSerializer.SerializeToUtf8Bytes(SnapshotSummary.Of(_snapshot), SnapshotJsonContext.Default.SnapshotSummary);

    [Benchmark]
    public long ServeRequest()
    {
        _sink.Position = 0;
        _sink.Write(_snapshot.Json.Span);
        return _sink.Position;
    }
}

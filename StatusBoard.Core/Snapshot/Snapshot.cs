using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// One immutable version of every service's status, with its JSON made once: serving copies these bytes
/// and never serializes. Services keep catalog order; sorting is the viewer's business.
/// </summary>
public sealed class Snapshot
{
    private readonly FrozenDictionary<string, int> _indexById;
    private readonly ImmutableArray<byte[]> _serviceJson;

    private Snapshot(long version, DateTimeOffset generatedAt, string instance, ImmutableArray<ServiceStatus> services,
        ImmutableArray<byte[]> serviceJson, Connectivity? offline)
    {
        Version = version;
        GeneratedAt = generatedAt;
        Offline = offline;
        Services = services;
        _serviceJson = serviceJson;
        _indexById = services.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        // The instance token keeps ETags from two server runs apart: both start counting at version 1.
        ETag = $"\"{instance}-{version}\"";
        Json = BuildJson(version, generatedAt, offline, serviceJson);
        SseEvent = BuildSseEvent(version, Json);
    }

    /// <summary>Increases by one with every published change.</summary>
    public long Version { get; }

    public DateTimeOffset GeneratedAt { get; }

    public ImmutableArray<ServiceStatus> Services { get; }

    /// <summary>Non-null while StatusBoard cannot reach the internet itself; statuses are then stale.</summary>
    public Connectivity? Offline { get; }

    /// <summary>Strong ETag of <see cref="Json"/>.</summary>
    public string ETag { get; }

    /// <summary>UTF-8 JSON of the whole snapshot, as <c>GET /api/status</c> serves it.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The complete Server-Sent Event for this version (<c>id</c>, <c>event: snapshot</c>, <c>data</c>).</summary>
    public ReadOnlyMemory<byte> SseEvent { get; }

    public ServiceStatus? Find(string id) => _indexById.TryGetValue(id, out var i) ? Services[i] : null;

    /// <summary>UTF-8 JSON of one service, made when the snapshot was built.</summary>
    public ReadOnlyMemory<byte>? FindJson(string id)
    {
        // Spelled out: in a conditional expression, null would silently convert to an empty ReadOnlyMemory.
        if (_indexById.TryGetValue(id, out var i))
        {
            return _serviceJson[i];
        }
        return null;
    }

    /// <summary>
    /// Builds a snapshot. Services whose record is the same instance as in <paramref name="previous"/> reuse
    /// its JSON, so a change to one service serializes one service.
    /// </summary>
    public static Snapshot Create(long version, DateTimeOffset generatedAt, string instance,
        ImmutableArray<ServiceStatus> services, Snapshot? previous = null, Connectivity? offline = null)
    {
        var json = ImmutableArray.CreateBuilder<byte[]>(services.Length);
        foreach (var service in services)
        {
            json.Add(previous?.ReuseJson(service) ?? JsonSerializer.SerializeToUtf8Bytes(service, SnapshotJsonContext.Default.ServiceStatus));
        }
        return new Snapshot(version, generatedAt, instance, services, json.MoveToImmutable(), offline);
    }

    private byte[]? ReuseJson(ServiceStatus service) =>
        _indexById.TryGetValue(service.Id, out var i) && ReferenceEquals(Services[i], service) ? _serviceJson[i] : null;

    private static byte[] BuildJson(long version, DateTimeOffset generatedAt, Connectivity? offline, ImmutableArray<byte[]> services)
    {
        var buffer = new MemoryStream(services.Sum(s => s.Length + 1) + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", version);
            writer.WriteString("generatedAt", generatedAt);
            writer.WritePropertyName("offline");
            JsonSerializer.Serialize(writer, offline, SnapshotJsonContext.Default.Connectivity);
            writer.WriteStartArray("services");
            foreach (var service in services)
            {
                writer.WriteRawValue(service, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] BuildSseEvent(long version, ReadOnlyMemory<byte> json)
    {
        // Compact JSON has no raw newlines, so the whole document fits on one data: line.
        var head = Encoding.UTF8.GetBytes($"id: {version}\nevent: snapshot\ndata: ");
        var result = new byte[head.Length + json.Length + 2];
        head.CopyTo(result, 0);
        json.Span.CopyTo(result.AsSpan(head.Length));
        result[^2] = (byte)'\n';
        result[^1] = (byte)'\n';
        return result;
    }
}

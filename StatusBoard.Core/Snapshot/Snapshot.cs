using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// One immutable version of every service's status, with its JSON made once: serving copies these bytes
/// and never serializes. Services keep catalog order; sorting is the viewer's business.
/// </summary>
public sealed class Snapshot
{
    private readonly FrozenDictionary<string, int> _indexById;
    private readonly ImmutableArray<ReadOnlyMemory<byte>> _serviceJson;
    private readonly Lazy<PrecomputedJson> _summary;

    /// <summary>The versions before this one, newest first, that a client may still hold (see <see cref="DeltaFrom"/>).</summary>
    private readonly ImmutableArray<RecentVersion> _bases;

    /// <summary>Deltas from versions further back than the previous one, made for the first client that needs each.</summary>
    private readonly ConcurrentDictionary<long, ReadOnlyMemory<byte>> _catchUpDeltas = new();

    /// <summary>How many earlier versions a snapshot can make a delta from; a client further behind gets the whole snapshot.</summary>
    public const int DeltaBasesKept = 8;

    private Snapshot(long version, DateTimeOffset generatedAt, string eventId, ImmutableArray<ServiceStatus> services,
        ImmutableArray<ReadOnlyMemory<byte>> serviceJson, Connectivity? offline, Snapshot? previous, Encoded encoded)
    {
        Version = version;
        GeneratedAt = generatedAt;
        Offline = offline;
        Services = services;
        _serviceJson = serviceJson;
        // The id index is the same as long as the catalog is: reuse it instead of building a new frozen map.
        _indexById = previous is not null && SameIds(previous.Services, services)
            ? previous._indexById
            : services.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        EventId = eventId;
        ETag = $"\"{EventId}\"";
        SseEvent = encoded.SseEvent;
        Json = encoded.Json;
        Document = new PrecomputedJson(Json, ETag);
        _summary = encoded.Summary is { } summary
            ? new Lazy<PrecomputedJson>(new PrecomputedJson(summary, SummaryETag(eventId)))
            // Lazy: made by the first request for it and then shared (Lazy's default mode runs the factory once).
            : new Lazy<PrecomputedJson>(() => new PrecomputedJson(
                JsonSerializer.SerializeToUtf8Bytes(SnapshotSummary.Of(this), SnapshotJsonContext.Default.SnapshotSummary),
                SummaryETag(eventId)));
        Adopted = encoded.Summary is not null;
        _bases = previous is null ? [] : [previous.AsRecent(), .. previous._bases.Take(DeltaBasesKept - 1)];
        if (encoded.DeltaEvent is { } published)
        {
            (DeltaEvent, DeltaBase) = (published, encoded.DeltaBase);
        }
        else if (previous is not null && !Adopted)
        {
            (DeltaEvent, DeltaBase) = (SnapshotDelta.Build(this, _bases[0]), previous.Version);
        }
    }

    /// <summary>Increases by one with every published change.</summary>
    public long Version { get; }

    public DateTimeOffset GeneratedAt { get; }

    public ImmutableArray<ServiceStatus> Services { get; }

    /// <summary>Non-null while StatusBoard cannot reach the internet itself; statuses are then stale.</summary>
    public Connectivity? Offline { get; }

    /// <summary>
    /// <c>&lt;instance&gt;-&lt;version&gt;</c>: the SSE <c>id</c>. The instance token tells two server runs apart (both
    /// count from version 1); the trailing integer stays the version, which benchmark tools read.
    /// </summary>
    public string EventId { get; }

    /// <summary>Strong ETag of <see cref="Json"/>.</summary>
    public string ETag { get; }

    /// <summary>UTF-8 JSON of the whole snapshot, as <c>GET /api/status</c> serves it.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary><see cref="Json"/> with its ETag and its brotli and gzip forms (each compressed once, on first use).</summary>
    public PrecomputedJson Document { get; }

    /// <summary>The complete Server-Sent Event for this version (<c>id</c>, <c>event: snapshot</c>, <c>data</c>).</summary>
    public ReadOnlyMemory<byte> SseEvent { get; }

    /// <summary>The compact view (<c>/api/status/summary</c>), made once on first use, with its own strong ETag.</summary>
    public PrecomputedJson Summary => _summary.Value;

    /// <summary>
    /// The <c>event: delta</c> Server-Sent Event from version <see cref="DeltaBase"/> to this one (changed and added
    /// services whole, removed ids); null for a snapshot made without a predecessor.
    /// </summary>
    public ReadOnlyMemory<byte>? DeltaEvent { get; }

    /// <summary>The version <see cref="DeltaEvent"/> applies to (the predecessor's); 0 when there is none.</summary>
    public long DeltaBase { get; }

    /// <summary>True for a version received from the cluster's leader (<see cref="FromPublished"/>), not made here.</summary>
    public bool Adopted { get; }

    /// <summary>
    /// The <c>event: delta</c> that takes a client holding version <paramref name="held"/> to this one: the
    /// predecessor's delta, or for a client a few versions behind (it was busy while versions were published) one
    /// delta from what it holds, made once and shared by every client that holds the same version; null when
    /// <paramref name="held"/> is not among the last <see cref="DeltaBasesKept"/> versions (the client needs the whole snapshot).
    /// </summary>
    public ReadOnlyMemory<byte>? DeltaFrom(long held)
    {
        if (held == DeltaBase && DeltaEvent is { } delta)
        {
            return delta;
        }
        foreach (var recent in _bases)
        {
            if (recent.Version == held)
            {
                return _catchUpDeltas.GetOrAdd(held, static (_, pair) => SnapshotDelta.Build(pair.Current, pair.Recent), (Current: this, Recent: recent));
            }
        }
        return null;
    }

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
    /// <param name="instance">Tells two server runs apart in ETags and event ids (both count from version 1).</param>
    public static Snapshot Create(long version, DateTimeOffset generatedAt, string instance,
        ImmutableArray<ServiceStatus> services, Snapshot? previous = null, Connectivity? offline = null)
    {
        var json = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(services.Length);
        foreach (var service in services)
        {
            json.Add(previous?.ReuseJson(service) ?? JsonSerializer.SerializeToUtf8Bytes(service, SnapshotJsonContext.Default.ServiceStatus));
        }
        var eventId = $"{instance}-{version}";
        var serviceJson = json.MoveToImmutable();
        var (sseEvent, document) = SnapshotEncoding.Build(eventId, version, generatedAt, offline, serviceJson);
        return new Snapshot(version, generatedAt, eventId, services, serviceJson, offline, previous,
            new Encoded(sseEvent, document, Summary: null, DeltaEvent: null, DeltaBase: 0));
    }

    /// <summary>
    /// A version made by the cluster's leader, from the bytes it published: they are served as received (the
    /// document, the compact view, the delta); the services are read back only for what this node renders.
    /// </summary>
    public static Snapshot FromPublished(PublishedSnapshot published, Snapshot? previous)
    {
        // Everything kept points into copies, not into the received frame, so the frame is garbage at once.
        var (sseEvent, json) = SnapshotEncoding.Wrap(published.EventId, published.Json);
        var document = SnapshotDocumentReader.Read(json);
        return new Snapshot(published.Version, document.GeneratedAt, published.EventId, document.Services, document.ServiceJson,
            document.Offline, previous, new Encoded(sseEvent, json, published.Summary.ToArray(),
                published.DeltaEvent.IsEmpty ? null : published.DeltaEvent.ToArray(), published.DeltaBase));
    }

    /// <summary>What a published copy of this version carries to the cluster's other nodes.</summary>
    public PublishedSnapshot ToPublished() =>
        new(EventId, Version, DeltaBase, Json, Summary.Json, DeltaEvent ?? ReadOnlyMemory<byte>.Empty);

    internal ReadOnlyMemory<byte> JsonAt(int index) => _serviceJson[index];

    private RecentVersion AsRecent() => new(Version, Services, _indexById);

    private static string SummaryETag(string eventId) => $"\"{eventId}-summary\"";

    private ReadOnlyMemory<byte>? ReuseJson(ServiceStatus service)
    {
        // Spelled out for the same reason as FindJson.
        if (_indexById.TryGetValue(service.Id, out var i) && ReferenceEquals(Services[i], service))
        {
            return _serviceJson[i];
        }
        return null;
    }

    /// <summary>The bytes a snapshot is served as; summary and delta are null when this node makes them itself.</summary>
    private readonly record struct Encoded(ReadOnlyMemory<byte> SseEvent, ReadOnlyMemory<byte> Json,
        ReadOnlyMemory<byte>? Summary, ReadOnlyMemory<byte>? DeltaEvent, long DeltaBase);

    private static bool SameIds(ImmutableArray<ServiceStatus> a, ImmutableArray<ServiceStatus> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i].Id, b[i].Id, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}

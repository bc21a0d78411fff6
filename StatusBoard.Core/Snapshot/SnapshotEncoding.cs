using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Lays out a snapshot's bytes in one buffer: the Server-Sent Event (<c>id</c>, <c>event</c>, <c>data: JSON</c>)
/// whose data line is the JSON document itself, so <c>/api/status</c> serves a slice of the same array.
/// One allocation per version instead of a growing stream, its copy and a second copy for SSE.
/// </summary>
internal static class SnapshotEncoding
{
    private static readonly byte[] s_servicesTail = "]}"u8.ToArray();
    private static readonly byte[] s_eventTail = "\n\n"u8.ToArray();

    public static (ReadOnlyMemory<byte> SseEvent, ReadOnlyMemory<byte> Json) Build(
        string eventId, long version, DateTimeOffset generatedAt, Connectivity? offline, ImmutableArray<ReadOnlyMemory<byte>> services)
    {
        var eventHead = EventHead(eventId);
        var jsonHead = JsonHead(version, generatedAt, offline);
        var servicesLength = services.Sum(s => s.Length) + Math.Max(0, services.Length - 1);
        var jsonLength = jsonHead.Length + servicesLength + s_servicesTail.Length;

        var buffer = new byte[eventHead.Length + jsonLength + s_eventTail.Length];
        var span = buffer.AsSpan();
        var at = Append(span, 0, eventHead);
        at = Append(span, at, jsonHead);
        for (var i = 0; i < services.Length; i++)
        {
            if (i > 0)
            {
                span[at++] = (byte)',';
            }
            at = Append(span, at, services[i].Span);
        }
        at = Append(span, at, s_servicesTail);
        Append(span, at, s_eventTail);
        // Compact JSON has no raw newlines, so the whole document fits on one data: line.
        return (buffer, new ReadOnlyMemory<byte>(buffer, eventHead.Length, jsonLength));
    }

    /// <summary>The same layout around a document made elsewhere (the cluster's leader): one copy of its bytes.</summary>
    public static (ReadOnlyMemory<byte> SseEvent, ReadOnlyMemory<byte> Json) Wrap(string eventId, ReadOnlyMemory<byte> json)
    {
        var eventHead = EventHead(eventId);
        var buffer = new byte[eventHead.Length + json.Length + s_eventTail.Length];
        var at = Append(buffer, 0, eventHead);
        at = Append(buffer, at, json.Span);
        Append(buffer, at, s_eventTail);
        return (buffer, new ReadOnlyMemory<byte>(buffer, eventHead.Length, json.Length));
    }

    private static byte[] EventHead(string eventId) => Encoding.UTF8.GetBytes($"id: {eventId}\nevent: snapshot\ndata: ");

    /// <summary><c>{"version":…,"generatedAt":…,"offline":…,"services":[</c></summary>
    private static byte[] JsonHead(long version, DateTimeOffset generatedAt, Connectivity? offline)
    {
        var head = new MemoryStream(160);
        using (var writer = new Utf8JsonWriter(head))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", version);
            writer.WriteString("generatedAt", generatedAt);
            writer.WritePropertyName("offline");
            JsonSerializer.Serialize(writer, offline, SnapshotJsonContext.Default.Connectivity);
            writer.WriteStartArray("services");
            writer.Flush();
        }
        return head.ToArray();
    }

    private static int Append(Span<byte> target, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target[at..]);
        return at + bytes.Length;
    }
}

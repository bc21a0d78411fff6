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
        string eventId, long version, DateTimeOffset generatedAt, Connectivity? offline, ImmutableArray<byte[]> services)
    {
        var eventHead = Encoding.UTF8.GetBytes($"id: {eventId}\nevent: snapshot\ndata: ");
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
            at = Append(span, at, services[i]);
        }
        at = Append(span, at, s_servicesTail);
        Append(span, at, s_eventTail);
        // Compact JSON has no raw newlines, so the whole document fits on one data: line.
        return (buffer, new ReadOnlyMemory<byte>(buffer, eventHead.Length, jsonLength));
    }

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

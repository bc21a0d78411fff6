using System.Buffers;
using System.Text;
using System.Text.Json;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// The Server-Sent Event that takes a client from an earlier version (usually the previous one) to this one (<c>event: delta</c>):
/// <c>{"version","previous","generatedAt","offline","services":[changed or added, whole],"removed":[ids]}</c>.
/// "Changed" is a change a viewer sees (<see cref="SnapshotStore.SameContent"/>): a poll that only refreshed
/// <c>checkedAt</c>/<c>responseTimeMs</c> is not sent, or a one-service change would carry every service polled
/// since the last version. Bytes are copied from the snapshot's per-service JSON, and the event is built once per
/// version and shared by every delta client.
/// </summary>
internal static class SnapshotDelta
{
    public static ReadOnlyMemory<byte> Build(Snapshot current, RecentVersion previous)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        buffer.Write(Encoding.UTF8.GetBytes($"id: {current.EventId}\nevent: delta\ndata: "));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", current.Version);
            writer.WriteNumber("previous", previous.Version);
            writer.WriteString("generatedAt", current.GeneratedAt);
            writer.WritePropertyName("offline");
            JsonSerializer.Serialize(writer, current.Offline, SnapshotJsonContext.Default.Connectivity);
            writer.WriteStartArray("services");
            for (var i = 0; i < current.Services.Length; i++)
            {
                var service = current.Services[i];
                // Reused JSON means the same record; otherwise compare what a viewer would see.
                if (previous.Find(service.Id) is not { } before
                    || (!ReferenceEquals(before, service) && !SnapshotStore.SameContent(before, service)))
                {
                    writer.WriteRawValue(current.JsonAt(i).Span, skipInputValidation: true);
                }
            }
            writer.WriteEndArray();
            writer.WriteStartArray("removed");
            foreach (var gone in previous.Services)
            {
                if (current.Find(gone.Id) is null)
                {
                    writer.WriteStringValue(gone.Id);
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        // Compact JSON has no raw newlines, so the whole document fits on one data: line.
        buffer.Write("\n\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

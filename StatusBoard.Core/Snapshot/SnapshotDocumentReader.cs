using System.Collections.Immutable;
using System.Text.Json;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Reads a snapshot document (<c>/api/status</c>'s JSON) made by another node: its head, and each service both as a
/// record (to render) and as the exact bytes it was sent as (to serve).
/// </summary>
internal static class SnapshotDocumentReader
{
    public readonly record struct Document(DateTimeOffset GeneratedAt, Connectivity? Offline,
        ImmutableArray<ServiceStatus> Services, ImmutableArray<ReadOnlyMemory<byte>> ServiceJson);

    /// <exception cref="JsonException">The bytes are not a snapshot document.</exception>
    public static Document Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        DateTimeOffset? generatedAt = null;
        Connectivity? offline = null;
        var services = ImmutableArray.CreateBuilder<ServiceStatus>();
        var serviceJson = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "generatedAt":
                    generatedAt = reader.GetDateTimeOffset();
                    break;
                case "offline":
                    offline = JsonSerializer.Deserialize(ref reader, SnapshotJsonContext.Default.Connectivity);
                    break;
                case "services":
                    ReadServices(ref reader, json, services, serviceJson);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new Document(generatedAt ?? throw new JsonException("snapshot document without generatedAt"), offline,
            services.ToImmutable(), serviceJson.ToImmutable());
    }

    private static void ReadServices(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json,
        ImmutableArray<ServiceStatus>.Builder services, ImmutableArray<ReadOnlyMemory<byte>>.Builder serviceJson)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("snapshot document: services is not an array");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var bytes = json[start..(int)reader.BytesConsumed];
            services.Add(JsonSerializer.Deserialize(bytes.Span, SnapshotJsonContext.Default.ServiceStatus)
                ?? throw new JsonException("snapshot document: a null service"));
            serviceJson.Add(bytes);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"snapshot document: expected {type}");
        }
    }
}

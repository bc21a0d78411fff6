using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatusBoard.Core.Snapshot;

/// <summary>Source-generated serializers for everything the API serves (camelCase, levels by their API names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(ServiceStatus))]
[JsonSerializable(typeof(Connectivity))]
[JsonSerializable(typeof(SnapshotSummary))]
public sealed partial class SnapshotJsonContext : JsonSerializerContext;

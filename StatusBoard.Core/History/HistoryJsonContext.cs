using System.Text.Json;
using System.Text.Json.Serialization;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>Serializers for the JSON columns of the history database.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<IncidentUpdate>))]
[JsonSerializable(typeof(ServiceStatus))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;

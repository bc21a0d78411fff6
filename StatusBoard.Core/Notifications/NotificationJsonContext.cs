using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatusBoard.Core.Notifications;

/// <summary>
/// The one serializer for <see cref="NotificationMessage"/> as stored in <c>notification_outbox.message</c>: the rules
/// write it, the sender reads it back (camelCase, levels by their API names, event kinds by their enum names, e.g. "IncidentOpened").
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotificationMessage))]
public sealed partial class NotificationJsonContext : JsonSerializerContext;

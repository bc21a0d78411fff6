using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// Generic JSON webhook, schema version 1 (documented in the README): the message and its events, signed with the
/// route's secret (<c>X-StatusBoard-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>) and carrying
/// the idempotency key, so a receiver can verify, reject replays and deduplicate.
/// </summary>
public sealed class WebhookChannel(WebhookPoster poster, TimeProvider time) : INotificationChannel
{
    public const int SchemaVersion = 1;
    public const string TimestampHeader = "X-StatusBoard-Timestamp";
    public const string SignatureHeader = "X-StatusBoard-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public string Kind => "webhook";

    public IEnumerable<string> Validate(NotificationRoute route, string key)
    {
        foreach (var problem in RouteChecks.HttpUrl(route, key))
        {
            yield return problem;
        }
        if (string.IsNullOrEmpty(route.Secret))
        {
            yield return $"{key}:secret is required for channel 'webhook' (the HMAC key receivers verify the signature with).";
        }
    }

    public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken)
    {
        var body = Payload(message).ToJsonString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, route.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(route.Secret ?? "", timestamp, body));
        request.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        return poster.SendAsync(request, cancellationToken);
    }

    /// <summary>"sha256=" and the lowercase hex HMAC-SHA256 of "{timestamp}.{body}" (UTF-8) keyed with the secret (UTF-8).</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    internal static JsonObject Payload(NotificationMessage message) => new()
    {
        ["version"] = SchemaVersion,
        ["idempotencyKey"] = message.IdempotencyKey,
        ["route"] = message.Route,
        ["title"] = message.Title,
        ["level"] = message.Level.ToApiName(),
        ["isWave"] = message.IsWave,
        ["createdAt"] = message.CreatedAt.ToString("O"),
        ["dashboardUrl"] = message.DashboardUrl,
        ["events"] = new JsonArray([.. message.Events.Select(e => (JsonNode)Event(message, e))]),
    };

    private static JsonObject Event(NotificationMessage message, NotificationEvent e) => new()
    {
        ["kind"] = JsonNamingPolicyName(e.Kind),
        ["serviceId"] = e.ServiceId,
        ["serviceName"] = e.ServiceName,
        ["category"] = e.Category,
        ["from"] = e.From.ToApiName(),
        ["to"] = e.To.ToApiName(),
        ["at"] = e.At.ToString("O"),
        ["statusPageUrl"] = e.StatusPageUrl,
        ["detailsUrl"] = MessageText.DetailsUrl(message, e),
        ["incidentId"] = e.IncidentId,
        ["incidentTitle"] = e.IncidentTitle,
        ["incidentUrl"] = e.IncidentUrl,
        ["updateId"] = e.UpdateId,
        ["latestUpdate"] = e.LatestUpdate,
        ["scheduledFor"] = e.ScheduledFor?.ToString("O"),
        ["scheduledUntil"] = e.ScheduledUntil?.ToString("O"),
    };

    /// <summary>camelCase, as the outbox JSON writes event kinds ("levelChanged", "incidentOpened").</summary>
    private static string JsonNamingPolicyName(NotificationEventKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}

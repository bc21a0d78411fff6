using System.Text.Json.Nodes;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>Discord webhook: one embed in the level's colour, the services in its description; mentions disabled.</summary>
public sealed class DiscordChannel(WebhookPoster poster) : INotificationChannel
{
    // Discord's limits: 256 characters of embed title, 4096 of description.
    private const int TitleLimit = 256;
    private const int DescriptionLimit = 4096;

    public string Kind => "discord";

    public IEnumerable<string> Validate(NotificationRoute route, string key) => RouteChecks.HttpUrl(route, key);

    public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken) =>
        poster.PostJsonAsync(route.Url, Payload(message), cancellationToken);

    internal static JsonObject Payload(NotificationMessage message)
    {
        var embed = new JsonObject
        {
            ["title"] = MessageText.Clip(message.Title, TitleLimit),
            ["description"] = MessageText.Clip(string.Join('\n', message.Events.Select(e => Line(message, e))), DescriptionLimit),
            ["color"] = MessageText.Colour(message.Level),
            ["timestamp"] = message.CreatedAt.ToString("O"),
            ["footer"] = new JsonObject { ["text"] = "StatusBoard" },
        };
        if (message.Events is [var only] && (MessageText.DetailsUrl(message, only) ?? MessageText.StatusPageUrl(only)) is { } url)
        {
            embed["url"] = url;
        }
        return new JsonObject
        {
            ["embeds"] = new JsonArray { embed },
            // A service name like "@everyone" must never ping a server.
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
    }

    private static string Line(NotificationMessage message, NotificationEvent e)
    {
        var name = MessageText.DetailsUrl(message, e) is { } details ? $"[{e.ServiceName}]({details})" : $"**{e.ServiceName}**";
        var line = $"{name}: {MessageText.Label(e.To)}";
        return MessageText.Incident(e) is { } incident ? $"{line} — {incident}" : line;
    }
}

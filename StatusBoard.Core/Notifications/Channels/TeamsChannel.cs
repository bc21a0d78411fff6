using System.Text.Json.Nodes;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// Microsoft Teams workflow webhook ("Post to a channel when a webhook request is received"): a message envelope with
/// one Adaptive Card (title, a fact per service with its level, incident text, buttons to the pages).
/// </summary>
public sealed class TeamsChannel(WebhookPoster poster) : INotificationChannel
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    // Teams renders Adaptive Cards up to schema 1.5; 1.4 is the version every Teams client accepts.
    private const string CardVersion = "1.4";

    public string Kind => "teams";

    public IEnumerable<string> Validate(NotificationRoute route, string key) => RouteChecks.HttpUrl(route, key);

    public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken) =>
        poster.PostJsonAsync(route.Url, Payload(message), cancellationToken);

    internal static JsonObject Payload(NotificationMessage message) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray
        {
            new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = Card(message) },
        },
    };

    private static JsonObject Card(NotificationMessage message)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. message.Events.Select(e => (JsonNode)new JsonObject { ["title"] = e.ServiceName, ["value"] = MessageText.Label(e.To) })]),
            },
        };
        foreach (var incident in message.Events.Select(MessageText.Incident).OfType<string>())
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = incident, ["wrap"] = true, ["isSubtle"] = true });
        }
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = CardVersion,
            ["body"] = body,
        };
        if (message.Events is [var only])
        {
            var actions = new JsonArray();
            if (MessageText.StatusPageUrl(only) is { } page)
            {
                actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Status page", ["url"] = page });
            }
            if (MessageText.DetailsUrl(message, only) is { } details)
            {
                actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Details", ["url"] = details });
            }
            if (actions.Count > 0)
            {
                card["actions"] = actions;
            }
        }
        return card;
    }
}

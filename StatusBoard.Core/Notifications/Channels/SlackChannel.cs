using System.Text;
using System.Text.Json.Nodes;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// Slack incoming webhook: a Block Kit message (header with the title, one line per service with its level, incident
/// and latest update, links to the status page and to StatusBoard's details), and the title as the fallback text.
/// </summary>
public sealed class SlackChannel(WebhookPoster poster) : INotificationChannel
{
    // Slack's limits: 150 characters in a header, 3000 in a section's text, 50 blocks per message.
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;
    private const int MaxSections = 48;

    public string Kind => "slack";

    public IEnumerable<string> Validate(NotificationRoute route, string key) => RouteChecks.HttpUrl(route, key);

    public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken) =>
        poster.PostJsonAsync(route.Url, Payload(message), cancellationToken);

    internal static JsonObject Payload(NotificationMessage message)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = MessageText.Clip(message.Title, HeaderLimit) },
            },
        };
        foreach (var section in Sections(message).Take(MaxSections))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = section } });
        }
        return new JsonObject { ["text"] = message.Title, ["blocks"] = blocks };
    }

    /// <summary>The events' lines packed into as few sections as fit (a wave of 50 is a handful of blocks).</summary>
    private static IEnumerable<string> Sections(NotificationMessage message)
    {
        var current = new StringBuilder();
        foreach (var line in message.Events.Select(e => Line(message, e)))
        {
            if (current.Length > 0 && current.Length + line.Length + 1 > SectionLimit)
            {
                yield return current.ToString();
                current.Clear();
            }
            current.Append(current.Length > 0 ? "\n" : "").Append(MessageText.Clip(line, SectionLimit));
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Line(NotificationMessage message, NotificationEvent e)
    {
        var line = new StringBuilder($"*{Escape(e.ServiceName)}* — {MessageText.Label(e.To)}");
        if (MessageText.Incident(e) is { } incident)
        {
            line.Append("\n>").Append(Escape(incident));
        }
        var links = new List<string>();
        if (MessageText.StatusPageUrl(e) is { } page)
        {
            links.Add($"<{page}|Status page>");
        }
        if (MessageText.DetailsUrl(message, e) is { } details)
        {
            links.Add($"<{details}|Details>");
        }
        return links.Count > 0 ? line.Append('\n').Append(string.Join(" · ", links)).ToString() : line.ToString();
    }

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

using System.Net;
using System.Text;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>The HTML part of a notification mail: the title, and a table row per service with its level in its colour.</summary>
internal static class EmailHtml
{
    public static string Render(NotificationMessage message)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<h1 style=\"font-size:1.2em\">").Append(Encode(message.Title)).Append("</h1><table cellpadding=\"4\">");
        foreach (var e in message.Events)
        {
            var name = MessageText.DetailsUrl(message, e) is { } details ? $"<a href=\"{Encode(details)}\">{Encode(e.ServiceName)}</a>" : Encode(e.ServiceName);
            html.Append("<tr><td>").Append(name).Append("</td>")
                .Append($"<td style=\"color:#fff;background:#{MessageText.Colour(e.To):x6}\">").Append(Encode(MessageText.Label(e.To))).Append("</td><td>");
            if (MessageText.Incident(e) is { } incident)
            {
                html.Append(Encode(incident));
            }
            if (MessageText.StatusPageUrl(e) is { } page)
            {
                html.Append($" <a href=\"{Encode(page)}\">Status page</a>");
            }
            html.Append("</td></tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

using System.Net.Http.Headers;
using System.Text;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// ntfy: a plain-text POST to the topic URL with Title, Priority (by level), Tags (emoji short codes), Click (the
/// details page) and, when the route has a secret, <c>Authorization: Bearer</c> with it as the access token.
/// </summary>
public sealed class NtfyChannel(WebhookPoster poster) : INotificationChannel
{
    public string Kind => "ntfy";

    public IEnumerable<string> Validate(NotificationRoute route, string key) => RouteChecks.HttpUrl(route, key);

    public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route.Url)
        {
            Content = new StringContent(string.Join('\n', message.Events.Select(MessageText.Line)), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Title", HeaderValue(message.Title));
        request.Headers.Add("Priority", Priority(message.Level));
        request.Headers.Add("Tags", Tag(message.Level) + ",statusboard");
        if (message.Events is [var only] && MessageText.DetailsUrl(message, only) is { } details)
        {
            request.Headers.Add("Click", details);
        }
        if (!string.IsNullOrEmpty(route.Secret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", route.Secret);
        }
        return poster.SendAsync(request, cancellationToken);
    }

    /// <summary>ntfy's 1 (min) … 5 (max, vibrates and pops over).</summary>
    internal static string Priority(StatusLevel level) => level switch
    {
        StatusLevel.MajorOutage => "5",
        StatusLevel.PartialOutage => "4",
        StatusLevel.Maintenance or StatusLevel.Unknown => "2",
        _ => "3",
    };

    private static string Tag(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "white_check_mark",
        StatusLevel.MajorOutage or StatusLevel.PartialOutage => "rotating_light",
        StatusLevel.Maintenance => "wrench",
        StatusLevel.Unknown => "question",
        _ => "warning",
    };

    /// <summary>HTTP headers are ASCII: other text goes RFC 2047-encoded, which ntfy decodes.</summary>
    internal static string HeaderValue(string text) =>
        text.All(c => c is >= ' ' and <= '~') ? text : $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}

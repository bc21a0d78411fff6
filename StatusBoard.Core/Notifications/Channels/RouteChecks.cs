namespace StatusBoard.Core.Notifications.Channels;

/// <summary>Checks the HTTP channels share; messages name the key and never echo the (secret) URL.</summary>
internal static class RouteChecks
{
    public static IEnumerable<string> HttpUrl(NotificationRoute route, string key)
    {
        if (string.IsNullOrWhiteSpace(route.Url))
        {
            yield return $"{key}:url is required for channel '{route.Channel}'.";
        }
        else if (!Uri.TryCreate(route.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{key}:url is not an absolute http(s) URL (value not shown: it is a secret).";
        }
    }
}

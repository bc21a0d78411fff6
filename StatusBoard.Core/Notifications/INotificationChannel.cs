namespace StatusBoard.Core.Notifications;

/// <summary>
/// One kind of destination (slack, discord, teams, webhook, email, ntfy): shapes a message its own way and sends it
/// once. Retries, backoff, rate limits and dead letters are the sender's business, not the channel's.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The route's <c>channel</c> value this class serves.</summary>
    string Kind { get; }

    /// <summary>Problems with a route's settings for this channel (missing url, bad address), each naming the key.</summary>
    IEnumerable<string> Validate(NotificationRoute route, string key);

    Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>How one send attempt ended.</summary>
public enum DeliveryResult
{
    /// <summary>The receiver acknowledged (2xx, SMTP 250): never sent again.</summary>
    Delivered,

    /// <summary>Network error, timeout, 5xx, 429: try again later (after <see cref="DeliveryOutcome.RetryAfter"/> when given).</summary>
    Retry,

    /// <summary>The receiver refused the message itself (4xx other than 408/429): retrying cannot help.</summary>
    Rejected,
}

/// <summary>The result of one attempt; <see cref="Detail"/> is safe to show operators (never a secret or a webhook URL).</summary>
public sealed record DeliveryOutcome(DeliveryResult Result, string Detail, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Delivered(string detail) => new(DeliveryResult.Delivered, detail);

    public static DeliveryOutcome Retry(string detail, TimeSpan? retryAfter = null) => new(DeliveryResult.Retry, detail, retryAfter);

    public static DeliveryOutcome Rejected(string detail) => new(DeliveryResult.Rejected, detail);
}

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>
/// How the outbox sender delivers (bound from <c>StatusBoard:Notifications</c>, beside the rules' settings): retries,
/// give-up time, rate limits, the channels' HTTP deadline and the SMTP server for email routes.
/// </summary>
public sealed class NotificationDeliveryOptions
{
    public const string SectionName = "StatusBoard:Notifications";

    /// <summary>A message not acknowledged this long after it was queued is dead-lettered (kept, shown, not retried).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry waits about this long; each further one twice as long, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Least time between two messages to one route (Slack allows about one per second per webhook).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One send attempt's deadline (connect, headers and body): a slow receiver is a retry, never a stall.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed attempts after which a route is Degraded in /healthz.</summary>
    public int DegradedAfterFailures { get; set; } = 3;

    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary><c>StatusBoard:Notifications:Smtp</c>: the server email routes send through.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>none, starttls, tls (implicit, port 465) or auto.</summary>
    public string Security { get; set; } = "starttls";

    public string? User { get; set; }

    /// <summary>A secret: never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. "StatusBoard &lt;statusboard@example.com&gt;".</summary>
    public string? From { get; set; }
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications;

/// <summary>One entry of <c>StatusBoard:Notifications:Routes</c>: where to send, and which events.</summary>
public sealed class NotificationRoute
{
    public string Name { get; set; } = "";

    /// <summary>slack, discord, teams, webhook, email or ntfy.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The webhook or ntfy topic URL. A secret: never logged or shown.</summary>
    public string? Url { get; set; }

    /// <summary>The generic webhook's HMAC-SHA256 key (also ntfy's access token). A secret.</summary>
    public string? Secret { get; set; }

    /// <summary>Email recipients.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Service ids or globs (<c>github*</c>); empty means every service.</summary>
    public List<string> Services { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    public List<string> Boards { get; set; } = [];

    public StatusLevel MinLevel { get; set; } = StatusLevel.Degraded;

    /// <summary>Event kinds (see <see cref="NotificationEventKind"/>, case-insensitive); empty means level changes and incidents.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Opt in to "unknown" (we cannot read the page) after StatusBoard:Notifications:UnknownAfter.</summary>
    public bool IncludeUnknown { get; set; }

    /// <summary>An operators' route: gets StatusBoard offline/online messages (and only operators' routes do).</summary>
    public bool Operators { get; set; }

    public QuietHours? QuietHours { get; set; }
}

/// <summary>A daily window in a time zone when a route's messages are deferred (not dropped), then summarised.</summary>
public sealed class QuietHours
{
    /// <summary>Local time of day, "22:00".</summary>
    public TimeOnly From { get; set; }

    public TimeOnly Until { get; set; }

    /// <summary>IANA zone, e.g. "Europe/Berlin"; UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";
}

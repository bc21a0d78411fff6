namespace StatusBoard.Core.Notifications;

/// <summary>The <c>StatusBoard:Notifications</c> section: the routes and the noise-control settings they share.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "StatusBoard:Notifications";

    /// <summary>Bound route by route (see <see cref="NotificationsServiceCollectionExtensions"/>), so a bad value names its route's key.</summary>
    public List<NotificationRoute> Routes { get; } = [];

    /// <summary>A level change is told only after it held this long; a flap inside it sends nothing. Default 2 minutes.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Events for one route within this window become one message. Default 60 seconds.</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At least this many services, in more than one category, failing within the window are a wave.</summary>
    public int WaveThreshold { get; set; } = Waves.WaveDetector.DefaultThreshold;

    /// <summary>Routes with <c>IncludeUnknown</c> are told "unknown" only after it lasted this long. Default 15 minutes.</summary>
    public TimeSpan UnknownAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>"Maintenance upcoming" is told this long before it starts. Default 1 hour.</summary>
    public TimeSpan MaintenanceLeadTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>StatusBoard's public address, for links in messages (e.g. https://status.example.com); none when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Values of the last bind that did not convert, each naming its key (reported by the validation).</summary>
    internal List<string> BindProblems { get; } = [];
}

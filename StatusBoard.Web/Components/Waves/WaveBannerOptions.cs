using StatusBoard.Core.Notifications.Waves;

namespace StatusBoard.Web.Components.Waves;

/// <summary><c>StatusBoard:Notifications</c>, as far as the board's wave banner reads it.</summary>
public sealed class WaveBannerOptions
{
    public const string Section = "StatusBoard:Notifications";

    /// <summary>How far back a level change counts towards the banner's wave. Defaults to 10 minutes.</summary>
    public TimeSpan WaveBannerWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Services (in more than one category) that make a wave; the same key the routes read.</summary>
    public int WaveThreshold { get; set; } = WaveDetector.DefaultThreshold;
}

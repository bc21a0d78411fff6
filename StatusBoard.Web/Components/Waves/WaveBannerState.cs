using StatusBoard.Core.Notifications.Waves;

namespace StatusBoard.Web.Components.Waves;

/// <summary>What the banner shows for one snapshot version: the wave (or none) and until when that stays true.</summary>
public sealed record WaveBannerState(long Version, Wave? Wave, string? Text, string? Ids, DateTimeOffset ValidUntil, WaveBannerOptions Options)
{
    /// <summary>The query that shows exactly the wave's services (<c>?services=a,b,c</c>).</summary>
    public string Query => Ids is null ? "" : "?services=" + Uri.EscapeDataString(Ids);
}

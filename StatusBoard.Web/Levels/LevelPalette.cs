using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Levels;

/// <summary>One colour per level for everything drawn outside CSS (favicon, badges); below both the API and the UI.</summary>
public static class LevelPalette
{
    /// <summary>Dark enough for white text (WCAG AA) on every level.</summary>
    public static string Colour(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "#1b5e20",
        StatusLevel.Degraded => "#8a4b00",
        StatusLevel.PartialOutage => "#b8380f",
        StatusLevel.MajorOutage => "#b71c1c",
        StatusLevel.Maintenance => "#0d47a1",
        _ => "#424242",
    };
}

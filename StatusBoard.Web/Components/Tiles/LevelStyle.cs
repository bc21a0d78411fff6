using MudBlazor;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>How a level looks: CSS class and icon, always shown together with its text label.</summary>
public static class LevelStyle
{
    /// <summary>Constant strings: a tile's render allocates no class name.</summary>
    public static string CssClass(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "level-operational",
        StatusLevel.Degraded => "level-degraded",
        StatusLevel.PartialOutage => "level-partial-outage",
        StatusLevel.MajorOutage => "level-major-outage",
        StatusLevel.Maintenance => "level-maintenance",
        _ => "level-unknown",
    };

    public static string Icon(StatusLevel level) => level switch
    {
        StatusLevel.Operational => Icons.Material.Filled.CheckCircle,
        StatusLevel.Degraded => Icons.Material.Filled.Speed,
        StatusLevel.PartialOutage => Icons.Material.Filled.Warning,
        StatusLevel.MajorOutage => Icons.Material.Filled.Error,
        StatusLevel.Maintenance => Icons.Material.Filled.Build,
        _ => Icons.Material.Filled.HelpOutline,
    };
}

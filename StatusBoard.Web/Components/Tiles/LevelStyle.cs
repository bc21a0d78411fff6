using MudBlazor;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>How a level looks: CSS class and icon, always shown together with its text label.</summary>
public static class LevelStyle
{
    public static string CssClass(StatusLevel level) => "level-" + level.ToApiName().Replace('_', '-');

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

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Levels;

/// <summary>How the dashboard names and orders levels: UI wording lives in Web, not in Core's snapshot.</summary>
public static class LevelWording
{
    /// <summary>Human-readable label (e.g. "Partial outage").</summary>
    public static string ToLabel(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "Operational",
        StatusLevel.Degraded => "Degraded",
        StatusLevel.PartialOutage => "Partial outage",
        StatusLevel.MajorOutage => "Major outage",
        StatusLevel.Maintenance => "Maintenance",
        _ => "Unknown",
    };

    /// <summary>
    /// Rank for "problems first" sorting on the dashboard: outages, then degradations, then maintenance,
    /// then services we cannot see (unknown), then healthy ones.
    /// </summary>
    public static int SortRank(StatusLevel level) => level switch
    {
        StatusLevel.MajorOutage => 0,
        StatusLevel.PartialOutage => 1,
        StatusLevel.Degraded => 2,
        StatusLevel.Maintenance => 3,
        StatusLevel.Unknown => 4,
        _ => 5,
    };
}

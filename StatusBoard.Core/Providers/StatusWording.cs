using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>The words providers use for levels in summaries (the UI has its own labels; these are data).</summary>
internal static class StatusWording
{
    /// <summary>A level on its own, as a summary: "Partial outage".</summary>
    public static string Label(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "Operational",
        StatusLevel.Degraded => "Degraded",
        StatusLevel.PartialOutage => "Partial outage",
        StatusLevel.MajorOutage => "Major outage",
        StatusLevel.Maintenance => "Maintenance",
        _ => "Unknown",
    };

    /// <summary>What a component is in, after its name: "Search: degraded performance".</summary>
    public static string State(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "operational",
        StatusLevel.Degraded => "degraded performance",
        StatusLevel.PartialOutage => "partial outage",
        StatusLevel.MajorOutage => "major outage",
        StatusLevel.Maintenance => "under maintenance",
        _ => "unknown",
    };
}

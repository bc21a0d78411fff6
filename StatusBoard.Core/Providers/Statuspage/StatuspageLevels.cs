using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Statuspage;

/// <summary>The Statuspage vocabulary mapped to normalized levels (ARCHITECTURE.md, "Level mapping per platform").</summary>
internal static class StatuspageLevels
{
    public static StatusLevel? FromIndicator(string? indicator) => indicator switch
    {
        "none" => StatusLevel.Operational,
        "minor" => StatusLevel.Degraded,
        "major" => StatusLevel.PartialOutage,
        "critical" => StatusLevel.MajorOutage,
        "maintenance" => StatusLevel.Maintenance,
        _ => null,
    };

    public static StatusLevel? FromComponent(string? status) => status switch
    {
        "operational" => StatusLevel.Operational,
        "degraded_performance" => StatusLevel.Degraded,
        "partial_outage" => StatusLevel.PartialOutage,
        "major_outage" or "full_outage" => StatusLevel.MajorOutage,
        "under_maintenance" or "maintenance" => StatusLevel.Maintenance,
        _ => null,
    };

    /// <summary>An incident's impact; <c>none</c> has no effect on the level (operational).</summary>
    public static StatusLevel FromImpact(string? impact) => impact switch
    {
        "minor" => StatusLevel.Degraded,
        "major" => StatusLevel.PartialOutage,
        "critical" => StatusLevel.MajorOutage,
        "maintenance" => StatusLevel.Maintenance,
        _ => StatusLevel.Operational,
    };

    public static bool IsResolved(string? incidentStatus) =>
        incidentStatus is "resolved" or "postmortem" or "completed";

    public static bool IsMaintenanceInProgress(string? status) => status is "in_progress" or "verifying";
}

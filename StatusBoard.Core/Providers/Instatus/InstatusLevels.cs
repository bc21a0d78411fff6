using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Instatus;

/// <summary>Instatus' vocabulary (ARCHITECTURE.md): documented values exactly, undocumented ones by their words.</summary>
internal static class InstatusLevels
{
    /// <summary>Impact of an incident or status of a component.</summary>
    public static StatusLevel FromImpact(string? impact) => impact?.ToUpperInvariant() switch
    {
        "OPERATIONAL" => StatusLevel.Operational,
        "DEGRADEDPERFORMANCE" => StatusLevel.Degraded,
        "PARTIALOUTAGE" => StatusLevel.PartialOutage,
        "MAJOROUTAGE" => StatusLevel.MajorOutage,
        "UNDERMAINTENANCE" => StatusLevel.Maintenance,
        _ => ByWords(impact),
    };

    /// <summary>
    /// <c>page.status</c>: UP, UNDERMAINTENANCE, HASISSUES (then the incidents decide, degraded if none). Anything
    /// else (e.g. <c>ONEMAJOROUTAGE</c>, seen live) is read by its words and is never operational.
    /// </summary>
    public static StatusLevel FromPageStatus(string status, StatusLevel worstIncident) => status.ToUpperInvariant() switch
    {
        "UP" => StatusLevel.Operational,
        "UNDERMAINTENANCE" => StatusLevel.Maintenance,
        "HASISSUES" => worstIncident.IsProblem() ? worstIncident : StatusLevel.Degraded,
        _ => ByWords(status),
    };

    private static StatusLevel ByWords(string? text)
    {
        var upper = text?.ToUpperInvariant() ?? "";
        if (upper.Contains("MAJOR", StringComparison.Ordinal) || upper.Contains("DOWN", StringComparison.Ordinal))
        {
            return StatusLevel.MajorOutage;
        }
        if (upper.Contains("PARTIAL", StringComparison.Ordinal) || upper.Contains("OUTAGE", StringComparison.Ordinal))
        {
            return StatusLevel.PartialOutage;
        }
        if (upper.Contains("MAINTENANCE", StringComparison.Ordinal))
        {
            return StatusLevel.Maintenance;
        }
        return StatusLevel.Degraded;
    }
}

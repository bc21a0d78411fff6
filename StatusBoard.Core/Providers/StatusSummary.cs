using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>The one-line summary shown on a tile, the same way for every platform.</summary>
public static class StatusSummary
{
    public static string Describe(StatusLevel level, string? description, IReadOnlyList<Incident> incidents, IReadOnlyList<Maintenance> maintenances)
    {
        // The worst open incident's title says more than "Partial System Outage".
        if (incidents.OrderByDescending(i => i.Impact.Severity()).FirstOrDefault() is { } worst)
        {
            return incidents.Count == 1 ? worst.Title : $"{worst.Title} (+{incidents.Count - 1} more)";
        }
        if (maintenances.FirstOrDefault(m => m.InProgress) is { } running)
        {
            return $"Maintenance: {running.Title}";
        }
        return description ?? level.ToLabel();
    }
}

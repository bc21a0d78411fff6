using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>
/// The one-line summary shown on a tile, the same way for every platform: it explains the level, and when the page's
/// own headline claims something milder, it says both ("Search: degraded performance — the page's headline says All
/// Systems Operational").
/// </summary>
internal static class StatusSummary
{
    /// <param name="quiet">The words when nothing explains the level and there is no headline (e.g. "No active incidents").</param>
    public static string Describe(StatusLevel level, PageHeadline? headline, IReadOnlyList<ComponentStatus> components,
        IReadOnlyList<Incident> incidents, IReadOnlyList<Maintenance> maintenances, string? quiet = null)
    {
        var agrees = headline is null || headline.Level == level;
        var explanation = IncidentCause(level, incidents)
            ?? MaintenanceCause(level, maintenances)
            ?? (headline is not null && agrees ? headline.Text : ComponentCause(components))
            ?? quiet
            ?? StatusWording.Label(level);
        return agrees ? explanation : $"{explanation} — the page's headline says {headline!.Text}";
    }

    // The worst open incident's title says more than "Partial System Outage", when it is what sets the level.
    private static string? IncidentCause(StatusLevel level, IReadOnlyList<Incident> incidents) =>
        incidents.OrderByDescending(i => i.Impact.Severity()).FirstOrDefault() is { } worst && worst.Impact == level
            ? incidents.Count == 1 ? worst.Title : $"{worst.Title} (+{incidents.Count - 1} more)"
            : null;

    private static string? MaintenanceCause(StatusLevel level, IReadOnlyList<Maintenance> maintenances) =>
        level == StatusLevel.Maintenance && maintenances.FirstOrDefault(m => m.InProgress) is { } running
            ? $"Maintenance: {running.Title}"
            : null;

    private static string? ComponentCause(IReadOnlyList<ComponentStatus> components)
    {
        var problems = components.Where(c => c.Watched && c.Status.IsProblem() && c.Status != StatusLevel.Unknown).ToArray();
        if (problems.Length == 0)
        {
            return null;
        }
        var worst = StatusLevels.WorstOf(problems.Select(c => c.Status));
        // Component names often hold commas ("Chennai, Tamil Nadu, India"): name the first, count the rest.
        var names = problems.Where(c => c.Status == worst).Select(c => c.Name).ToArray();
        var more = names.Length > 1 ? $" (+{names.Length - 1} more)" : "";
        return $"{names[0]}{more}: {StatusWording.State(worst)}";
    }
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>What a provider understood from one payload: the level and everything behind it.</summary>
public sealed record ParsedStatus(
    StatusLevel Level,
    string? Summary,
    IReadOnlyList<ComponentStatus> Components,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Maintenance> Maintenances)
{
    public static ParsedStatus Of(StatusLevel level, string? summary = null) => new(level, summary, [], [], []);
}

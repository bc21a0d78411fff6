using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Filtering;

/// <summary>One category chip: how many services it has and how many of them have a problem.</summary>
public sealed record CategoryCount(string Name, int Services, int Problems)
{
    /// <summary>Every category of <paramref name="services"/>, by name.</summary>
    public static CategoryCount[] Of(IEnumerable<ServiceStatus> services) =>
        services
            .GroupBy(s => s.Category, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CategoryCount(g.First().Category, g.Count(), g.Count(s => s.Status.IsProblem())))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

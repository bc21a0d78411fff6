using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Details;

/// <summary>Components grouped as the status page groups them; ungrouped ones first, in page order.</summary>
public sealed record ComponentGroups(string? Name, IReadOnlyList<ComponentStatus> Components)
{
    public static IEnumerable<ComponentGroups> Of(IEnumerable<ComponentStatus> components) =>
        components
            .GroupBy(c => string.IsNullOrWhiteSpace(c.Group) ? null : c.Group)
            .OrderBy(g => g.Key is null ? 0 : 1)
            .Select(g => new ComponentGroups(g.Key, g.ToArray()));
}

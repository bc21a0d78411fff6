using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Pages;

/// <summary>"Problems first": by severity (see <see cref="StatusLevels.SortRank"/>), then by name.</summary>
public static class BoardOrder
{
    public static ServiceStatus[] Sort(IEnumerable<ServiceStatus> services) =>
        services
            .OrderBy(s => s.Status.SortRank())
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// "Problems first": pinned services lead, then by severity (see <see cref="LevelWording.SortRank"/>), then by name.
/// </summary>
public static class BoardOrder
{
    public static ServiceStatus[] Sort(IEnumerable<ServiceStatus> services) => Sort(services, s_noPins);

    public static ServiceStatus[] Sort(IEnumerable<ServiceStatus> services, IReadOnlySet<string> pinned) =>
        services
            .OrderBy(s => pinned.Contains(s.Id) ? 0 : 1)
            .ThenBy(s => LevelWording.SortRank(s.Status))
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static readonly IReadOnlySet<string> s_noPins = new HashSet<string>();
}

using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Engine;

/// <summary>What a catalog reload changes for the engine: entries to start, to restart (what is polled changed), to stop, and to keep.</summary>
internal sealed record CatalogChanges(
    IReadOnlyList<ServiceDefinition> Added,
    IReadOnlyList<ServiceDefinition> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<ServiceDefinition> Kept)
{
    // Shown, not polled: a change to these applies at once without a poll. The interval is read before each wait.
    private static readonly HashSet<string> s_displayKeys = new(StringComparer.OrdinalIgnoreCase) { "name", "category", "statusPageUrl", "interval" };

    public static CatalogChanges Between(CatalogOptions previous, CatalogOptions next)
    {
        var before = previous.Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var after = next.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = new List<ServiceDefinition>();
        var changed = new List<ServiceDefinition>();
        var kept = new List<ServiceDefinition>();
        foreach (var service in next.Services)
        {
            var list = !before.TryGetValue(service.Id, out var old) ? added : SamePoll(old, service) ? kept : changed;
            list.Add(service);
        }
        var removed = previous.Services.Where(s => !after.Contains(s.Id)).Select(s => s.Id).ToList();
        return new CatalogChanges(added, changed, removed, kept);
    }

    /// <summary>Same url, provider, components, probe and rules (the entry's other keys): its readings stay valid.</summary>
    private static bool SamePoll(ServiceDefinition a, ServiceDefinition b) =>
        a.Url == b.Url
        && a.Provider == b.Provider
        && a.Probe == b.Probe
        && (a.Components ?? []).SequenceEqual(b.Components ?? [], StringComparer.Ordinal)
        && Rules(a).SequenceEqual(Rules(b));

    private static IEnumerable<KeyValuePair<string, string?>> Rules(ServiceDefinition service) =>
        (service.Settings?.AsEnumerable(makePathsRelative: true) ?? [])
            .Where(p => !s_displayKeys.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
}

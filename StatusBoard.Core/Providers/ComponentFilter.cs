using System.Text.RegularExpressions;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers;

/// <summary>
/// "Watch only what you use": with an entry's <c>components</c> filter, the level comes from the matching components
/// and from incidents (and maintenance in progress) that affect them or name no component. The other components
/// stay listed, marked unwatched. A filter that matches nothing is an error, never a silent "operational".
/// </summary>
internal static class ComponentFilter
{
    public static ProviderResult Apply(IReadOnlyList<string> patterns, ParsedStatus parsed)
    {
        var matchers = patterns.Select(Glob).ToArray();
        bool Watched(string idOrName) => matchers.Any(m => m.IsMatch(idOrName));

        var components = parsed.Components
            .Select(c => c with { Watched = Watched(ComponentReading.NameOf(c)) || Watched(c.Id) })
            .ToArray();
        var watchedNames = components.Where(c => c.Watched).Select(ComponentReading.NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (watchedNames.Count == 0)
        {
            return ProviderResult.Fail(
                $"components filter [{string.Join(", ", patterns)}] matches none of the {parsed.Components.Count} components this page lists");
        }

        bool Relevant(IReadOnlyList<string> affected) => affected.Count == 0 || affected.Any(watchedNames.Contains);
        var incidents = parsed.Incidents.Where(i => Relevant(i.Components)).ToArray();
        var watched = components.Where(c => c.Watched).ToArray();
        if (incidents.Length == 0 && ComponentReading.NoneUnderstood(watched))
        {
            // Watching only components whose status we cannot read says nothing: unknown, never operational.
            return ProviderResult.Fail($"components filter [{string.Join(", ", patterns)}] matches only components whose status is not recognised: {watched[0].Name}");
        }
        var level = StatusLevels.WorstOf(ComponentReading.Understood(watched).Concat(incidents.Select(i => i.Impact)));
        if (parsed.Maintenances.Any(m => m.InProgress && Relevant(m.Components)))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }
        var relevantMaintenances = parsed.Maintenances.Where(m => Relevant(m.Components)).ToArray();
        var quiet = level == StatusLevel.Operational ? $"{watchedNames.Count} watched components operational" : null;
        var summary = StatusSummary.Describe(level, null, watched, incidents, relevantMaintenances, quiet);
        // Every incident stays listed for the details; only the level and summary follow the filter.
        return ProviderResult.Ok(parsed with { Level = level, Summary = summary, Components = components });
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}

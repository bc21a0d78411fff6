using System.Text.RegularExpressions;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rss;

/// <summary>
/// The optional <c>rss</c> rule object: <c>{"window": "1.00:00:00", "resolved": [regex…], "rules": [{"match", "level"}],
/// "default": "degraded"}</c>. Without it these defaults apply.
/// </summary>
public sealed record RssRules(TimeSpan Window, IReadOnlyList<Regex> Resolved, IReadOnlyList<LevelRule> Rules, StatusLevel Default, IReadOnlyList<string> Errors)
{
    public static readonly string[] DefaultResolved = [@"(?i)\[?resolved\]?", "(?i)operating normally"];

    public static readonly (string Match, StatusLevel Level)[] DefaultRules = [("(?i)outage|disruption", StatusLevel.PartialOutage)];

    public static RssRules Read(ServiceDefinition service)
    {
        var reader = new RuleReader(service.ProviderSettings("rss"), $"{service.ConfigPath}:rss");
        var window = TimeSpan.FromDays(1);
        if (reader.String("window") is { } text && (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out window) || window <= TimeSpan.Zero))
        {
            reader.Error($"{reader.Key("window")} '{text}' is not a positive time span (e.g. 1.00:00:00)");
            window = TimeSpan.FromDays(1);
        }
        var resolved = (reader.Strings("resolved") ?? DefaultResolved)
            .Select((pattern, i) => reader.Regex(pattern, $"{reader.Key("resolved")}:{i}"))
            .OfType<Regex>()
            .ToArray();
        var rules = reader.Child("rules") is null
            ? DefaultRules.Select(r => new LevelRule(new Regex(r.Match, RegexOptions.CultureInvariant, LevelRule.MatchTimeout), r.Level)).ToArray()
            : reader.Rules("rules");
        return new RssRules(window, resolved, rules, reader.Level("default", StatusLevel.Degraded), reader.Errors);
    }

    public bool SaysResolved(string text)
    {
        foreach (var pattern in Resolved)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        return false;
    }
}

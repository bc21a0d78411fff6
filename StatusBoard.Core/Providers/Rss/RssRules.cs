using System.Globalization;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rss;

/// <summary>
/// The optional <c>rss</c> rule object: <c>{"window": "1.00:00:00", "resolved": [regex…], "rules": [{"match", "level"}],
/// "default": "degraded"}</c>. Without it these defaults apply.
/// </summary>
internal sealed record RssRules(TimeSpan Window, IReadOnlyList<RulePattern> Resolved, IReadOnlyList<LevelRule> Rules, StatusLevel Default, IReadOnlyList<string> Errors)
    : IProviderRules<RssRules>
{
    public static readonly string[] DefaultResolved = [@"(?i)\[?resolved\]?", "(?i)operating normally"];

    public static readonly (string Match, StatusLevel Level)[] DefaultRules = [("(?i)outage|disruption", StatusLevel.PartialOutage)];

    public static RssRules Read(ProviderInput input)
    {
        var reader = new RuleReader(input.RuleSection("rss"), input.RuleKey("rss"));
        var window = TimeSpan.FromDays(1);
        if (reader.String("window") is { } text && (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out window) || window <= TimeSpan.Zero))
        {
            reader.Error($"{reader.Key("window")} '{text}' is not a positive time span (e.g. 1.00:00:00)");
            window = TimeSpan.FromDays(1);
        }
        var resolved = reader.Strings("resolved") is { } configured
            ? configured.Select((pattern, i) => reader.Pattern(pattern, $"{reader.Key("resolved")}:{i}")).OfType<RulePattern>().ToArray()
            : DefaultResolved.Select(pattern => RulePattern.Create(pattern, $"built-in resolved pattern '{pattern}'")).ToArray();
        var rules = reader.Child("rules") is null
            ? DefaultRules.Select(r => new LevelRule(RulePattern.Create(r.Match, $"built-in rule '{r.Match}'"), r.Level)).ToArray()
            : reader.Rules("rules");
        return new RssRules(window, resolved, rules, reader.Level("default", StatusLevel.Degraded), reader.Errors);
    }

    /// <summary>True when a resolved pattern matches; a pattern that times out throws (it might have matched).</summary>
    public bool SaysResolved(string text) => Resolved.Any(pattern => pattern.IsMatch(text));
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>One <c>{"match": regex, "level": name}</c> rule of the html and rss providers; first match wins.</summary>
internal sealed record LevelRule(RulePattern Match, StatusLevel Level)
{
    /// <summary>The level of the first rule that matches; null when none does. A rule that times out throws.</summary>
    public static StatusLevel? FirstMatch(IReadOnlyList<LevelRule> rules, string text) =>
        rules.FirstOrDefault(rule => rule.Match.IsMatch(text))?.Level;
}

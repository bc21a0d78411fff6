using System.Text.RegularExpressions;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>One <c>{"match": regex, "level": name}</c> rule of the html and rss providers; first match wins.</summary>
public sealed record LevelRule(Regex Match, StatusLevel Level)
{
    /// <summary>Upstream text is untrusted: a pathological pattern/input pair gives up instead of spinning.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static StatusLevel? FirstMatch(IReadOnlyList<LevelRule> rules, string text)
    {
        foreach (var rule in rules)
        {
            try
            {
                if (rule.Match.IsMatch(text))
                {
                    return rule.Level;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A rule that times out does not match; the next one is tried.
            }
        }
        return null;
    }
}

using System.Text.RegularExpressions;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>A regular expression from a rule object, with where it came from so that a timeout can name it.</summary>
internal sealed record RulePattern(Regex Regex, string Source)
{
    /// <summary>Upstream text is untrusted: a pathological pattern/input pair gives up instead of spinning.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static RulePattern Create(string pattern, string source) =>
        new(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout), source);

    /// <summary>
    /// A timeout is not "no match": the rule might have matched, so the payload cannot be read (an RSS resolved-rule
    /// that gave up would keep an incident open). It surfaces as <see cref="RuleTimeoutException"/>.
    /// </summary>
    public bool IsMatch(string text)
    {
        try
        {
            return Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new RuleTimeoutException(Source, Regex.MatchTimeout);
        }
    }
}

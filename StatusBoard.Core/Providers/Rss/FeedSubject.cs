using System.Text.RegularExpressions;

namespace StatusBoard.Core.Providers.Rss;

/// <summary>What a feed item is about, without its status prefix ("Service degradation: ") or "[RESOLVED]" marker.</summary>
internal static partial class FeedSubject
{
    public static string Of(string title) =>
        Whitespace().Replace(Prefix().Replace(Resolved().Replace(title, ""), ""), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"^\s*[^:\[\]]{1,40}:\s*")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"(?i)\[resolved\]")]
    private static partial Regex Resolved();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

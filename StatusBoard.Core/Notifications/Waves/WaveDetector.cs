using System.Text.RegularExpressions;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Waves;

/// <summary>
/// The one rule for "is this a wave?", used by notification routes and by the board's banner alike: at least
/// <c>threshold</c> services, in more than one category, at degraded or worse. Unknown (we cannot read a page) and
/// maintenance are not failures and never make a wave.
/// </summary>
public static partial class WaveDetector
{
    /// <summary>StatusBoard:Notifications:WaveThreshold when not configured.</summary>
    public const int DefaultThreshold = 5;

    /// <summary>The wave among <paramref name="candidates"/> (already limited to the window by the caller), or null.</summary>
    public static Wave? Find(IEnumerable<WaveMember> candidates, int threshold)
    {
        var members = candidates
            .Where(m => m.Level.Severity() >= StatusLevel.Degraded.Severity())
            .OrderBy(m => m.ChangedAt)
            .ThenBy(m => m.ServiceName, StringComparer.Ordinal)
            .ToList();
        if (members.Count < Math.Max(threshold, 2) || members.Select(m => m.Category).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }
        var (mentioned, count) = MostMentioned(members);
        return new Wave(members, mentioned, count);
    }

    /// <summary>
    /// The wave the board's banner shows: the services at degraded or worse whose level changed within
    /// <paramref name="window"/> before <paramref name="now"/>, if they make a wave.
    /// </summary>
    public static Wave? FindRecent(IEnumerable<ServiceStatus> services, DateTimeOffset now, TimeSpan window, int threshold) =>
        Find(services
            .Where(s => s.LastChangedAt is { } changed && changed > now - window && changed <= now)
            .Select(s => WaveMember.From(s, s.LastChangedAt!.Value)), threshold);

    /// <summary>The infrastructure most members mention (when at least two do), not counting its own status page.</summary>
    private static (string? Name, int Count) MostMentioned(IReadOnlyList<WaveMember> members)
    {
        var best = (Name: (string?)null, Count: 1);
        foreach (var (name, pattern) in Infrastructure)
        {
            var count = members.Count(m => !pattern.IsMatch(m.ServiceName) && pattern.IsMatch(m.Text));
            if (count > best.Count)
            {
                best = (name, count);
            }
        }
        return best.Name is null ? (null, 0) : best;
    }

    // The providers a wave is usually about. Acronyms match by case, names in any case; whole words only. The patterns
    // cannot backtrack, so incident text of any length is matched in linear time.
    private static readonly (string Name, Regex Pattern)[] Infrastructure =
    [
        ("AWS", Aws()),
        ("Azure", Azure()),
        ("Google Cloud", GoogleCloud()),
        ("Cloudflare", Cloudflare()),
        ("Fastly", Fastly()),
        ("Akamai", Akamai()),
        ("DigitalOcean", DigitalOcean()),
        ("Oracle Cloud", OracleCloud()),
        ("Hetzner", Hetzner()),
    ];

    [GeneratedRegex(@"\bAWS\b|\bAmazon Web Services\b|\bus-(east|west)-\d\b")]
    private static partial Regex Aws();

    [GeneratedRegex(@"\bazure\b", RegexOptions.IgnoreCase)]
    private static partial Regex Azure();

    [GeneratedRegex(@"\bGCP\b|\b(?i:google cloud)\b")]
    private static partial Regex GoogleCloud();

    [GeneratedRegex(@"\bcloudflare\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cloudflare();

    [GeneratedRegex(@"\bfastly\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fastly();

    [GeneratedRegex(@"\bakamai\b", RegexOptions.IgnoreCase)]
    private static partial Regex Akamai();

    [GeneratedRegex(@"\bdigital ?ocean\b", RegexOptions.IgnoreCase)]
    private static partial Regex DigitalOcean();

    [GeneratedRegex(@"\b(?i:oracle cloud)\b|\bOCI\b")]
    private static partial Regex OracleCloud();

    [GeneratedRegex(@"\bhetzner\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hetzner();
}

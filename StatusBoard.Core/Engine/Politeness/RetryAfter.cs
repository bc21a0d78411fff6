using System.Globalization;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>Longest wait we accept from a header, so a typo upstream cannot silence a service for a year.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    public static DateTimeOffset? Until(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return now + TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
        }
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return date <= now ? now : date - now > Longest ? now + Longest : date;
        }
        return null;
    }
}

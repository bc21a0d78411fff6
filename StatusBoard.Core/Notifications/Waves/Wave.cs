namespace StatusBoard.Core.Notifications.Waves;

/// <summary>
/// Several services in more than one category turning non-operational close together: one event to tell as one,
/// on the board's banner and in one message per route. <see cref="Members"/> are in the order they changed.
/// </summary>
public sealed record Wave(IReadOnlyList<WaveMember> Members, string? Mentioned, int MentionCount)
{
    private const int NamesShown = 3;

    /// <summary>"3 services degraded: GitHub Actions, npm, Vercel — 2 mention Azure" (a route's message title).</summary>
    public string Headline() => $"{Members.Count} services degraded: {Names()}{MentionClause(" — {0} mention {1}")}";

    /// <summary>"7 services degraded in the last 10 minutes: GitHub Actions, npm, Vercel, … — 4 of them mention Azure" (the banner).</summary>
    public string Banner(TimeSpan window) =>
        $"{Members.Count} services degraded in the last {Describe(window)}: {Names()}{MentionClause(" — {0} of them mention {1}")}";

    private string Names()
    {
        var names = string.Join(", ", Members.Take(NamesShown).Select(m => m.ServiceName));
        return Members.Count > NamesShown ? names + ", …" : names;
    }

    private string MentionClause(string format) =>
        Mentioned is null ? "" : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, MentionCount, Mentioned);

    private static string Describe(TimeSpan window) => window.TotalMinutes switch
    {
        < 1 => $"{(int)window.TotalSeconds} seconds",
        1 => "minute",
        < 120 => $"{(int)window.TotalMinutes} minutes",
        _ => $"{(int)window.TotalHours} hours",
    };
}

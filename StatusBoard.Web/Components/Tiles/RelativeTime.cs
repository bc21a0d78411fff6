namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// "12 s ago" text. The server renders it once; wwwroot/js/relative-time.js keeps every such label on the page
/// ticking from one timer, with no server round trip.
/// </summary>
public static class RelativeTime
{
    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }
        return age.TotalSeconds switch
        {
            < 60 => $"{(int)age.TotalSeconds} s ago",
            < 3600 => $"{(int)age.TotalMinutes} min ago",
            < 86400 => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} d ago",
        };
    }
}

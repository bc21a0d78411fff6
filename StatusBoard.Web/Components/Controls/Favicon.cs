using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Components.Controls;

/// <summary>An SVG favicon as a data URI: a tick when all is well, otherwise the problem count on the worst level's colour.</summary>
public static class Favicon
{
    public static string DataUri(int problems, StatusLevel worst)
    {
        var svg = problems == 0
            ? "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='#1b5e20'/><path d='M8 17l5 5 11-12' stroke='#fff' stroke-width='4' fill='none'/></svg>"
            : $"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='{LevelPalette.Colour(worst)}'/><text x='16' y='23' font-family='Verdana,sans-serif' font-size='{(problems > 99 ? 12 : 18)}' font-weight='bold' fill='#fff' text-anchor='middle'>{(problems > 999 ? "999" : problems)}</text></svg>";
        return "data:image/svg+xml," + Uri.EscapeDataString(svg);
    }
}

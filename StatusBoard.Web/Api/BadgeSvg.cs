using System.Globalization;
using System.Security;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Api;

/// <summary>Draws a two-part badge (grey label, coloured message) the way shields.io lays them out.</summary>
public static class BadgeSvg
{
    public static string Render(string label, string message, StatusLevel level)
    {
        var labelWidth = TextWidth(label) + 12;
        var messageWidth = TextWidth(message) + 12;
        var width = labelWidth + messageWidth;
        // Names come from configuration and upstream: escape them, an SVG is XML.
        var safeLabel = SecurityElement.Escape(label);
        var safeMessage = SecurityElement.Escape(message);
        var colour = LevelPalette.Colour(level);
        var labelX = F(labelWidth / 2.0);
        var messageX = F(labelWidth + messageWidth / 2.0);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{safeLabel}: {safeMessage}"><title>{safeLabel}: {safeMessage}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{colour}"/><rect width="{width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="{labelX}" y="15" fill="#010101" fill-opacity=".3">{safeLabel}</text><text x="{labelX}" y="14">{safeLabel}</text><text x="{messageX}" y="15" fill="#010101" fill-opacity=".3">{safeMessage}</text><text x="{messageX}" y="14">{safeMessage}</text></g></svg>
            """;
    }

    /// <summary>Approximate width of Verdana 11 px text; close enough that the text never overflows its part.</summary>
    internal static int TextWidth(string text)
    {
        double width = 0;
        foreach (var c in text)
        {
            width += c switch
            {
                'i' or 'l' or 'j' or 'I' or '.' or ',' or ':' or '\'' or '|' or '!' => 3.5,
                ' ' or 'f' or 't' or 'r' or '(' or ')' => 4.5,
                'm' or 'w' or 'M' or 'W' or '@' or '%' => 10.5,
                >= 'A' and <= 'Z' => 7.8,
                _ => 7.0,
            };
        }
        return (int)Math.Ceiling(width);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

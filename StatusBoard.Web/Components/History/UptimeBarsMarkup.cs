using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Web.Components.History;

/// <summary>
/// A row of uptime bars as one block of markup (the 90 days of the details, the 24 hours of a tile): one span per
/// period, coloured by its worst level, the facts in its tooltip. One markup frame instead of a component per bar.
/// </summary>
public static class UptimeBarsMarkup
{
    /// <param name="Span">How many periods this bar stands for (a run of equal hours is one bar, as wide as the run).</param>
    public sealed record Bar(StatusLevel? Worst, string Tooltip, int Span = 1);

    public static string Build(IEnumerable<Bar> bars, string cssClass, string ariaLabel)
    {
        var html = HtmlEncoder.Default;
        var b = new StringBuilder(4096);
        b.Append("<div class=\"uptime-bars ").Append(cssClass).Append("\" role=\"img\" aria-label=\"").Append(html.Encode(ariaLabel)).Append("\">");
        foreach (var bar in bars)
        {
            b.Append("<span class=\"uptime-bar ")
                .Append(bar.Worst is { } level ? LevelStyle.CssClass(level) : "no-data")
                .Append("\" data-level=\"").Append(bar.Worst?.ToApiName() ?? "none")
                .Append(bar.Span > 1 ? $"\" data-span=\"{bar.Span}\" style=\"flex-grow:{bar.Span}" : "")
                .Append("\" title=\"").Append(html.Encode(bar.Tooltip)).Append("\"></span>");
        }
        return b.Append("</div>").ToString();
    }

    /// <summary>"99.93 % operational" (or "no data").</summary>
    public static string Percent(double? operational) =>
        operational is { } o ? (o * 100).ToString(o >= 0.9995 && o < 1 ? "0.00" : "0.##", CultureInfo.InvariantCulture) + " % operational" : "no data";

    public static string Label(StatusLevel? level) => level is { } known ? LevelWording.ToLabel(known) : "No data";
}

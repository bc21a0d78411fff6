using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// MudBlazor's icons as ready-made small SVG markup. A tile shows two icons; as <c>MudIcon</c> components that is two
/// component instances with their own render trees per tile and per circuit, for a picture that never changes.
/// One cached markup frame per icon keeps a live dashboard circuit small (see the circuits benchmark).
/// </summary>
public static class IconMarkup
{
    private static readonly ConcurrentDictionary<string, MarkupString> s_small = new(StringComparer.Ordinal);

    /// <summary>The same element and classes <c>MudIcon Size="Size.Small"</c> renders, hidden from assistive technology.</summary>
    public static MarkupString Small(string icon) => s_small.GetOrAdd(icon, static i => new MarkupString(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-inherit-text mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{i}</svg>"));

    public static MarkupString Level(StatusLevel level) => Small(LevelStyle.Icon(level));

    public static readonly MarkupString StarFilled = Small(Icons.Material.Filled.Star);

    public static readonly MarkupString StarOutlined = Small(Icons.Material.Outlined.StarBorder);
}

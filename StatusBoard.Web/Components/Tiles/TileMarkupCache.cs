using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// Every tile as one block of markup, made once per <see cref="ServiceStatus"/> instance (and pin state) and shared by
/// every circuit. A tile per component cost each live dashboard about 8 kB per service (component state, two render
/// trees, event bindings); as one markup frame in the board's tree it costs a few hundred bytes, and a snapshot with
/// one changed service builds exactly one new tile for all viewers. Clicks reach the board through one delegated
/// <c>tileaction</c> event. Every upstream string is HTML-encoded here: it stays text.
/// </summary>
public sealed class TileMarkupCache(ITileStrips? strips = null)
{
    private readonly ConditionalWeakTable<ServiceStatus, Variants> _cache = new();
    private long _built;

    /// <summary>Tiles built since start (one per new service status and pin state); the render-cost tests count these.</summary>
    public long Built => Interlocked.Read(ref _built);

    public MarkupString For(ServiceStatus status, bool pinned)
    {
        var variants = _cache.GetValue(status, _ => new Variants());
        var strip = strips?.For(status.Id);
        var cached = pinned ? variants.Pinned : variants.Unpinned;
        // Each cached tile carries the strip it was built with (RecentStrips keeps unchanged strips as the same
        // instance), so a circuit that finishes building after the strip moved on can only cause a rebuild.
        if (cached is not null && ReferenceEquals(cached.Strip, strip))
        {
            return new MarkupString(cached.Markup);
        }
        Interlocked.Increment(ref _built);
        var built = new Tile(strip, Build(status, pinned, strip));
        // Two circuits may build at once; each result is consistent with its own strip, so the last write is fine.
        if (pinned)
        {
            variants.Pinned = built;
        }
        else
        {
            variants.Unpinned = built;
        }
        return new MarkupString(built.Markup);
    }

    private sealed record Tile(string? Strip, string Markup);

    private sealed class Variants
    {
        public volatile Tile? Pinned;
        public volatile Tile? Unpinned;
    }

    private static string Build(ServiceStatus status, bool pinned, string? strip)
    {
        var html = HtmlEncoder.Default;
        var name = html.Encode(status.Name);
        var pinLabel = (pinned ? "Unpin " : "Pin ") + name;
        var b = new StringBuilder(768);
        b.Append("<article class=\"status-tile ").Append(LevelStyle.CssClass(status.Status))
            .Append(status.Stale ? " is-stale" : "").Append(pinned ? " is-pinned" : "")
            .Append("\" data-service-id=\"").Append(html.Encode(status.Id))
            .Append("\" data-level=\"").Append(status.Status.ToApiName())
            .Append("\" data-stale=\"").Append(status.Stale ? "true" : "false").Append("\">");
        // The name is the tile's link: focusable, Enter opens the details (a drawer once interactive, the page before).
        b.Append("<header class=\"tile-head\"><a class=\"tile-name tile-open\" href=\"service/")
            .Append(html.Encode(Uri.EscapeDataString(status.Id))).Append("\">").Append(name).Append("</a>")
            .Append("<button type=\"button\" class=\"tile-pin\" aria-pressed=\"").Append(pinned ? "true" : "false")
            .Append("\" aria-label=\"").Append(pinLabel).Append("\" title=\"").Append(pinLabel).Append("\">")
            .Append((pinned ? IconMarkup.StarFilled : IconMarkup.StarOutlined).Value).Append("</button></header>");
        b.Append("<div class=\"tile-level\">").Append(IconMarkup.Level(status.Status).Value)
            .Append("<span class=\"tile-level-text\">").Append(html.Encode(LevelWording.ToLabel(status.Status))).Append("</span>");
        if (status.Stale)
        {
            b.Append("<span class=\"stale-tag\" title=\"Last known level: not confirmed by a recent check\">stale</span>");
        }
        b.Append("</div>");
        if (status.Status != StatusLevel.Operational && (status.Summary ?? status.Error) is { Length: > 0 } summary)
        {
            var encoded = html.Encode(summary);
            b.Append("<p class=\"tile-summary\" title=\"").Append(encoded).Append("\">").Append(encoded).Append("</p>");
        }
        if (strip is not null)
        {
            b.Append("<div class=\"tile-strip\">").Append(strip).Append("</div>");
        }
        b.Append("<footer class=\"tile-foot\"><span class=\"tile-category\">").Append(html.Encode(status.Category)).Append("</span>");
        // "changed 3 h ago": how long the level has held. Not "last checked": that changes with every poll, and a
        // tile whose markup does not change sends nothing to any circuit (Blazor diffs markup frames by content).
        // The text is absolute here, so it depends on the status alone; relative-time.js makes it relative.
        if (status.CheckedAt is null)
        {
            b.Append("<span>not checked yet</span>");
        }
        else if (status.LastChangedAt is { } changedAt)
        {
            var absolute = changedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
            b.Append("<span title=\"").Append(html.Encode(LevelWording.ToLabel(status.Status))).Append(" since ").Append(absolute)
                .Append("\">changed <time data-relative datetime=\"").Append(changedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\">").Append(absolute).Append("</time></span>");
        }
        b.Append("</footer></article>");
        return b.ToString();
    }
}

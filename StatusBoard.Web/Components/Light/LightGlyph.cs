using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Light;

/// <summary>Text glyphs for levels in the light view (no icon font): level is never shown by colour alone.</summary>
public static class LightGlyph
{
    public static string Of(StatusLevel level) => level switch
    {
        StatusLevel.Operational => "✓",
        StatusLevel.Degraded => "▲",
        StatusLevel.PartialOutage => "◆",
        StatusLevel.MajorOutage => "✖",
        StatusLevel.Maintenance => "⚙",
        _ => "?",
    };
}

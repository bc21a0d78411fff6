namespace StatusBoard.Web.Components.Tiles;

/// <summary>Where tiles get their 24-hour strip markup; an unchanged strip is the same string instance.</summary>
public interface ITileStrips
{
    /// <summary>The strip's markup, or null when there is no history for the service yet.</summary>
    string? For(string serviceId);
}

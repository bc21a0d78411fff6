using Microsoft.AspNetCore.Components;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// A click inside the tile grid, classified in the browser (wwwroot/StatusBoard.Web.lib.module.js): which service and
/// whether it opens the details or toggles the pin. One delegated handler serves every tile.
/// </summary>
public sealed class TileActionEventArgs : EventArgs
{
    /// <summary>The service id, or null when the click was not on a tile's link or pin.</summary>
    public string? Id { get; set; }

    /// <summary><c>open</c> or <c>pin</c>.</summary>
    public string? Action { get; set; }
}

[EventHandler("ontileaction", typeof(TileActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
// Razor only discovers [EventHandler] on a class named exactly "EventHandlers" (dotnet/aspnetcore#42475).
public static class EventHandlers
{
}

// Blazor JS initializer: one delegated "tileaction" event for the whole tile grid. Tiles are plain markup (no
// component each), so the browser tells the board which tile was clicked and whether it was the link or the pin.
export function afterWebStarted(blazor) {
    blazor.registerCustomEventType("tileaction", {
        browserEventName: "click",
        createEventArgs: event => {
            const tile = event.target.closest("[data-service-id]");
            if (!tile) {
                return { id: null, action: null };
            }
            if (event.target.closest(".tile-pin")) {
                return { id: tile.dataset.serviceId, action: "pin" };
            }
            const link = event.target.closest(".tile-open");
            // Ctrl/Cmd/Shift/middle clicks keep their browser meaning (open the details page in a new tab).
            if (link && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
                event.preventDefault();
                return { id: tile.dataset.serviceId, action: "open" };
            }
            return { id: null, action: null };
        },
    });
}

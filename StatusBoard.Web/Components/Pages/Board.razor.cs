using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;
using StatusBoard.Web.Components.Filtering;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// The dashboard: every service as a tile, pinned first, then problems first. Filters come from the URL query;
/// pins from this browser's localStorage. Re-renders over its circuit when a new snapshot version arrives; tiles
/// whose service did not change skip their render.
/// </summary>
public partial class Board
{
    private IJSObjectReference? _pinsModule;
    private Snapshot _snapshot = null!;
    private BoardQuery _query = BoardQuery.Everything;
    private HashSet<string> _pins = new(StringComparer.Ordinal);
    private IReadOnlyList<ServiceStatus> _services = [];
    private ServiceStatus[] _visible = [];
    private CategoryCount[] _categories = [];
    private int _problemCount;
    private int _staleCount;
    private StatusLevel _worst;
    private string? _selectedId;
    private bool _interactive;

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required Tiles.TileMarkupCache Tiles { get; init; }

    /// <summary>The team board to show (<c>/b/{id}</c>): only its services, in its order. Defaults to every service.</summary>
    [Parameter]
    public BoardView? View { get; set; }

    /// <summary>Category filter (<c>?category=</c>).</summary>
    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>Text search over name, id and category (<c>?q=</c>).</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    /// <summary><c>?problems=1</c> shows only services that are not operational.</summary>
    [SupplyParameterFromQuery(Name = "problems")]
    public string? ProblemsOnly { get; set; }

    /// <summary><c>?services=github,npm</c> shows only these services (the wave banner's link).</summary>
    [SupplyParameterFromQuery(Name = "services")]
    public string? ServiceIds { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The feeds of what this page shows: its team board, else its category.</summary>
    private string FeedFilter => View is not null ? "?board=" + Uri.EscapeDataString(View.Id)
        : _query.Category is { } category ? "?category=" + Uri.EscapeDataString(category) : "";

    protected override void OnParametersSet()
    {
        _query = BoardQueryString.Parse(Category, Text, ProblemsOnly, ServiceIds);
        Show(Snapshot);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        string[] pins;
        try
        {
            _pinsModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/pins.js");
            pins = await _pinsModule.InvokeAsync<string[]?>("load") ?? [];
        }
        catch (JSDisconnectedException)
        {
            return; // the tab closed before its first render finished: nothing left to make interactive
        }
        _pins = new HashSet<string>(pins, StringComparer.Ordinal);
        _interactive = true;
        Show(_snapshot);
        StateHasChanged();
    }

    protected override void OnSnapshotChanged(Snapshot snapshot) => Show(snapshot);

    private void Show(Snapshot snapshot)
    {
        _snapshot = snapshot;
        IReadOnlyList<ServiceStatus> services = View is null ? snapshot.Services : View.Select(snapshot.Services);
        _services = services;
        _categories = CategoryCount.Of(services);
        _problemCount = 0;
        _staleCount = 0;
        _worst = StatusLevel.Operational;
        foreach (var service in services)
        {
            if (service.Status.IsProblem())
            {
                _problemCount++;
                _worst = StatusLevels.Worst(_worst, service.Status);
            }
            _staleCount += service.Stale ? 1 : 0;
        }
        var shown = services.Where(_query.Matches);
        _visible = View is null ? BoardOrder.Sort(shown, _pins) : View.Sort(shown, _pins);
    }

    /// <summary>One delegated handler for every tile's link and pin (see TileActionEventArgs).</summary>
    private Task OnTileActionAsync(Tiles.TileActionEventArgs action)
    {
        if (action.Id is not { } id || _snapshot.Find(id) is null)
        {
            return Task.CompletedTask;
        }
        if (action.Action == "pin")
        {
            return TogglePinAsync(id);
        }
        if (action.Action == "open")
        {
            _selectedId = id;
        }
        return Task.CompletedTask;
    }

    private void CloseDetails() => _selectedId = null;

    private void OnDrawerOpenChanged(bool open)
    {
        if (!open)
        {
            _selectedId = null;
        }
    }

    private async Task TogglePinAsync(string id)
    {
        if (!_pins.Remove(id))
        {
            _pins.Add(id);
        }
        Show(_snapshot);
        if (_pinsModule is not null)
        {
            // Cast: a bare string[] would bind to the params array and arrive as separate arguments.
            await _pinsModule.InvokeVoidAsync("save", (object)_pins.Order(StringComparer.Ordinal).ToArray());
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_pinsModule is not null)
        {
            try
            {
                await _pinsModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}

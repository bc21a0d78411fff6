using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Notify;

/// <summary>
/// The opt-in control, and the bridge that hands each snapshot's changes (<see cref="BrowserEvent"/>) to
/// js/browser-notify.js while this browser wants them. The page passes the snapshots it already receives over the
/// circuit: no second subscription and no polling by the browser.
/// </summary>
public partial class BrowserNotifications : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private DotNetObjectReference<BrowserNotifications>? _self;
    private NotifyState? _state;
    private Snapshot? _previous;
    private volatile bool _interested;

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The snapshot the page shows.</summary>
    [Parameter, EditorRequired]
    public Snapshot Snapshot { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        var previous = _previous;
        _previous = Snapshot;
        if (_module is null || !_interested || previous is null || previous.Version >= Snapshot.Version)
        {
            return;
        }
        var events = BrowserEvent.Between(previous, Snapshot);
        if (events.Count > 0)
        {
            try
            {
                await _module.InvokeVoidAsync("deliver", events);
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone: nobody left to notify.
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/browser-notify.js");
            _self = DotNetObjectReference.Create(this);
            _state = await _module.InvokeAsync<NotifyState>("start", _self);
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        StateHasChanged();
    }

    /// <summary>Called by the module whenever permission, the opt-in or the watches change.</summary>
    [JSInvokable]
    public void OnInterestChanged(bool interested) => _interested = interested;

    private Task EnableAsync() => CallAsync("enable");

    private Task DisableAsync() => CallAsync("disable");

    private async Task CallAsync(string function)
    {
        if (_module is not null)
        {
            _state = await _module.InvokeAsync<NotifyState>(function);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}

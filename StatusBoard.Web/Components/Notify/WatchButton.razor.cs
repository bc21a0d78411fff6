using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace StatusBoard.Web.Components.Notify;

/// <summary>The "tell me when it's back" button of a service with a problem; the watch lives in this browser (localStorage).</summary>
public partial class WatchButton : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private NotifyState? _state;
    private bool _watched;

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>The service to watch.</summary>
    [Parameter, EditorRequired]
    public string ServiceId { get; set; } = "";

    /// <summary>Its display name.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/browser-notify.js");
            _state = await _module.InvokeAsync<NotifyState>("state");
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        _watched = _state?.Watches.Contains(ServiceId, StringComparer.Ordinal) == true;
        StateHasChanged();
    }

    private Task WatchAsync() => CallAsync("watch");

    private Task UnwatchAsync() => CallAsync("unwatch");

    private async Task CallAsync(string function)
    {
        if (_module is not null)
        {
            _state = await _module.InvokeAsync<NotifyState>(function, ServiceId);
            _watched = _state?.Watches.Contains(ServiceId, StringComparer.Ordinal) == true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        GC.SuppressFinalize(this);
    }
}

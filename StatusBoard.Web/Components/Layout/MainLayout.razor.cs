using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace StatusBoard.Web.Components.Layout;

/// <summary>
/// Navigation chrome and the theme: dark or light following the system until the user picks one, which
/// js/theme.js remembers in localStorage.
/// </summary>
public partial class MainLayout : IAsyncDisposable
{
    private MudThemeProvider? _themeProvider;
    private IJSObjectReference? _themeModule;
    private bool _dark;
    private bool _followSystem = true;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required StatusBoard.Web.Boards.BoardCatalog Boards { get; init; }

    // The chooser follows board reloads on every open page.
    protected override void OnInitialized() => Boards.Changed += OnBoardsChanged;

    private void OnBoardsChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null)
        {
            return;
        }
        _themeModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        var saved = await _themeModule.InvokeAsync<string?>("load");
        _followSystem = saved is null;
        _dark = saved is null ? await _themeProvider.GetSystemDarkModeAsync() : saved == "dark";
        await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        StateHasChanged();
    }

    private Task OnSystemDarkModeChangedAsync(bool dark)
    {
        if (_followSystem)
        {
            _dark = dark;
            StateHasChanged();
        }
        return Task.CompletedTask;
    }

    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        _followSystem = false;
        if (_themeModule is not null)
        {
            await _themeModule.InvokeVoidAsync("save", _dark ? "dark" : "light");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Boards.Changed -= OnBoardsChanged;
        if (_themeModule is not null)
        {
            try
            {
                await _themeModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        GC.SuppressFinalize(this);
    }
}

using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// The dashboard: every service as a tile, problems first. Subscribes to the snapshot store and re-renders
/// over its circuit when a new version arrives; tiles whose service did not change skip their render.
/// </summary>
public partial class Board : IDisposable
{
    private IDisposable? _subscription;
    private long _shownVersion = -1;
    private ServiceStatus[] _services = [];
    private int _problemCount;

    [Inject]
    public required SnapshotStore Store { get; init; }

    private string Title => _problemCount == 0 ? "StatusBoard" : $"({_problemCount}) StatusBoard";

    protected override void OnInitialized()
    {
        Show(Store.Current);
        _subscription = Store.Subscribe(OnSnapshotChangedAsync);
    }

    private async Task OnSnapshotChangedAsync(Snapshot snapshot)
    {
        if (snapshot.Version == _shownVersion)
        {
            return;
        }
        try
        {
            await InvokeAsync(() =>
            {
                Show(snapshot);
                StateHasChanged();
            });
        }
        catch (Exception ex)
        {
            // Surface the failure on this user's circuit instead of losing it on a background thread.
            await DispatchExceptionAsync(ex);
        }
    }

    private void Show(Snapshot snapshot)
    {
        _shownVersion = snapshot.Version;
        _services = BoardOrder.Sort(snapshot.Services);
        _problemCount = _services.Count(s => s.Status.IsProblem());
    }

    public void Dispose() => _subscription?.Dispose();
}

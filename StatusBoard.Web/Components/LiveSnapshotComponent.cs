using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components;

/// <summary>
/// A component kept current by the snapshot store over its circuit: it subscribes on initialization, re-renders
/// only for versions newer than the one it shows, surfaces handler failures on the circuit, and unsubscribes
/// on disposal. Subclasses say what a snapshot means for them in <see cref="OnSnapshotChanged"/>.
/// </summary>
public abstract class LiveSnapshotComponent : ComponentBase, IAsyncDisposable
{
    private IDisposable? _subscription;

    [Inject]
    public required SnapshotStore Store { get; init; }

    /// <summary>The snapshot this component shows: the latest the store had when it last rendered for one.</summary>
    protected Snapshot Snapshot { get; private set; } = null!;

    protected override void OnInitialized()
    {
        // Subscribe before reading Current: a version published in between then still arrives as a callback.
        _subscription = Store.Subscribe(OnStoreChangedAsync);
        Snapshot = Store.Current;
    }

    /// <summary>Applies a snapshot newer than <see cref="Snapshot"/> to the component's state, on the renderer.</summary>
    protected abstract void OnSnapshotChanged(Snapshot snapshot);

    /// <summary>False when nothing this component shows differs in <paramref name="snapshot"/>: no render then.</summary>
    protected virtual bool ShouldRenderFor(Snapshot snapshot) => true;

    /// <summary>The store's callback; runs on a background thread.</summary>
    internal async Task OnStoreChangedAsync(Snapshot snapshot)
    {
        try
        {
            await InvokeAsync(() =>
            {
                // Compared on the renderer, so a callback racing a render never shows an older version.
                if (snapshot.Version <= Snapshot.Version)
                {
                    return;
                }
                var relevant = ShouldRenderFor(snapshot);
                Snapshot = snapshot;
                if (relevant)
                {
                    OnSnapshotChanged(snapshot);
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex)
        {
            // Surface the failure on this user's circuit instead of losing it on the store's thread.
            await DispatchExceptionAsync(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a subclass holds besides the subscription.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}

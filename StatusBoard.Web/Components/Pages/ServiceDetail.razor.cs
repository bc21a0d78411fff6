using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Pages;

/// <summary><c>/service/{id}</c>: one service's details, live over the circuit.</summary>
public partial class ServiceDetail : IDisposable
{
    private IDisposable? _subscription;
    private ServiceStatus? _status;
    private Connectivity? _offline;

    /// <summary>The service id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    public required SnapshotStore Store { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnInitialized() => _subscription = Store.Subscribe(OnSnapshotChangedAsync);

    protected override void OnParametersSet() => Show(Store.Current);

    private async Task OnSnapshotChangedAsync(Snapshot snapshot)
    {
        // Only this service and the offline state matter here; other services' changes are skipped.
        if (ReferenceEquals(snapshot.Find(Id), _status) && Equals(snapshot.Offline, _offline))
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
            await DispatchExceptionAsync(ex);
        }
    }

    private void Show(Snapshot snapshot)
    {
        _status = snapshot.Find(Id);
        _offline = snapshot.Offline;
    }

    public void Dispose() => _subscription?.Dispose();
}

using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Pages;

/// <summary><c>/service/{id}</c>: one service's details, live over the circuit.</summary>
public partial class ServiceDetail
{
    private ServiceStatus? _status;
    private Connectivity? _offline;

    /// <summary>The service id from the route.</summary>
    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    public required TimeProvider Time { get; init; }

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnParametersSet() => Show(Snapshot);

    // Only this service and the offline state matter here; other services' changes are skipped.
    protected override bool ShouldRenderFor(Snapshot snapshot) =>
        !ReferenceEquals(snapshot.Find(Id), _status) || !Equals(snapshot.Offline, _offline);

    protected override void OnSnapshotChanged(Snapshot snapshot) => Show(snapshot);

    private void Show(Snapshot snapshot)
    {
        _status = snapshot.Find(Id);
        _offline = snapshot.Offline;
    }
}

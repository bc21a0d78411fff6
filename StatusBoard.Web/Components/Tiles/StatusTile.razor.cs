using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// One service on the board. Takes an immutable <see cref="ServiceStatus"/> and renders again only when it
/// receives a different instance, so a snapshot change re-renders only the tiles whose service changed.
/// </summary>
public partial class StatusTile
{
    private ServiceStatus? _shown;
    private bool _changed;

    /// <summary>The service to show.</summary>
    [Parameter, EditorRequired]
    public required ServiceStatus Status { get; set; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnParametersSet()
    {
        _changed = !ReferenceEquals(_shown, Status);
        _shown = Status;
    }

    protected override bool ShouldRender() => _changed;
}

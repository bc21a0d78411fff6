using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Tiles;

/// <summary>
/// One service on the board. Takes an immutable <see cref="ServiceStatus"/> and renders again only when it
/// receives a different instance (or its pin changes), so a snapshot change re-renders only the tiles whose
/// service changed.
/// </summary>
public partial class StatusTile
{
    private ServiceStatus? _shown;
    private bool _shownPinned;
    private bool _changed;

    /// <summary>The service to show.</summary>
    [Parameter, EditorRequired]
    public required ServiceStatus Status { get; set; }

    /// <summary>Whether the service is pinned. Defaults to false.</summary>
    [Parameter]
    public bool Pinned { get; set; }

    /// <summary>Raised with the service when the user opens its details.</summary>
    [Parameter]
    public EventCallback<ServiceStatus> OnOpen { get; set; }

    /// <summary>Raised with the service id when the user pins or unpins it.</summary>
    [Parameter]
    public EventCallback<string> OnTogglePin { get; set; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private string PinLabel => (Pinned ? "Unpin " : "Pin ") + Status.Name;

    private string DetailsHref => "service/" + Uri.EscapeDataString(Status.Id);

    protected override void OnParametersSet()
    {
        _changed = !ReferenceEquals(_shown, Status) || _shownPinned != Pinned;
        _shown = Status;
        _shownPinned = Pinned;
    }

    protected override bool ShouldRender() => _changed;

    private Task OpenAsync() => OnOpen.InvokeAsync(Status);

    private Task TogglePinAsync() => OnTogglePin.InvokeAsync(Status.Id);
}

using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Waves;

/// <summary>
/// The wave banner of the board and the wall. Follows the page's snapshot, and ends by itself when the window passes
/// even if no new snapshot arrives (a timer on the app's clock).
/// </summary>
public partial class WaveBanner
{
    private WaveBannerState _state = null!;
    private ITimer? _expiry;

    [Inject]
    public required WaveBannerCache Waves { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>The snapshot the page shows.</summary>
    [Parameter, EditorRequired]
    public Snapshot Snapshot { get; set; } = null!;

    /// <summary>The page the link filters (relative to the base: <c>""</c> for the board, <c>wall</c>). Defaults to the board.</summary>
    [Parameter]
    public string LinkPath { get; set; } = "";

    protected override void OnParametersSet() => Refresh();

    private void Refresh()
    {
        _state = Waves.For(Snapshot);
        _expiry?.Dispose();
        _expiry = null;
        if (_state.ValidUntil != DateTimeOffset.MaxValue)
        {
            var due = _state.ValidUntil - Time.GetUtcNow();
            _expiry = Time.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                Refresh();
                StateHasChanged();
            }), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _expiry?.Dispose();
}

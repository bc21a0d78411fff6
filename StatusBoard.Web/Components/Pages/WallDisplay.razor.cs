using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Components.Filtering;
using StatusBoard.Web.Components.Wall;

namespace StatusBoard.Web.Components.Pages;

/// <summary>
/// <c>/wall</c>: the whole (filtered) catalog on one screen for an operations wall, problems enlarged on top.
/// Meant to run for days: it holds only the latest snapshot, tiles are keyed so the DOM is reused, and the
/// circuit reconnects (or the page reloads) on its own (see js/reconnect.js).
/// </summary>
public partial class WallDisplay
{
    // The wall is 16:9; the header and the problem band take roughly a quarter of its height.
    private const double HealthyAreaAspect = 16.0 / 9.0 / 0.72;
    private const double FullAreaAspect = 16.0 / 9.0 / 0.93;

    private Snapshot _snapshot = null!;
    private BoardQuery _query = BoardQuery.Everything;
    private ServiceStatus[] _problems = [];
    private ServiceStatus[] _healthy = [];
    private WallGrid _problemGrid;
    private WallGrid _healthyGrid;
    private StatusLevel _worst;
    private int _total;

    [Inject]
    public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "problems")]
    public string? ProblemsOnly { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private string FilterText => string.Join(" · ", new[]
    {
        _query.Category,
        _query.Text is { } text ? $"“{text}”" : null,
        _query.ProblemsOnly ? "problems only" : null,
    }.Where(part => part is not null));

    protected override void OnParametersSet()
    {
        _query = BoardQueryString.Parse(Category, Text, ProblemsOnly);
        Show(Snapshot);
    }

    protected override void OnSnapshotChanged(Snapshot snapshot) => Show(snapshot);

    private void Show(Snapshot snapshot)
    {
        _snapshot = snapshot;
        var shown = BoardOrder.Sort(snapshot.Services.Where(_query.Matches));
        _total = shown.Length;
        _problems = shown.Where(s => s.Status.IsProblem()).ToArray();
        _healthy = shown.Where(s => !s.Status.IsProblem()).ToArray();
        _worst = _problems.Length == 0 ? StatusLevel.Operational : _problems[0].Status;
        _problemGrid = WallGrid.ForProblems(_problems.Length);
        _healthyGrid = WallGrid.For(_healthy.Length, _problems.Length == 0 ? FullAreaAspect : HealthyAreaAspect);
    }
}

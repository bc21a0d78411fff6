using Microsoft.AspNetCore.Components;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;
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
    private BoardView? _board;
    private static readonly IReadOnlySet<string> s_noPins = new HashSet<string>();

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required BoardCatalog Boards { get; init; }

    /// <summary><c>?board={id}</c>: only that team board's services, in its order.</summary>
    [SupplyParameterFromQuery(Name = "board")]
    public string? BoardId { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "problems")]
    public string? ProblemsOnly { get; set; }

    /// <summary><c>?services=github,npm</c> shows only these services (the wave banner's link).</summary>
    [SupplyParameterFromQuery(Name = "services")]
    public string? ServiceIds { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private string FilterText => string.Join(" · ", new[]
    {
        _query.Category,
        _query.Text is { } text ? $"“{text}”" : null,
        _query.ProblemsOnly ? "problems only" : null,
        _query.Services is { } ids ? $"{ids.Split(',').Length} services" : null,
    }.Where(part => part is not null));

    protected override void OnParametersSet()
    {
        _query = BoardQueryString.Parse(Category, Text, ProblemsOnly, ServiceIds);
        Show(Snapshot);
    }

    protected override void OnSnapshotChanged(Snapshot snapshot) => Show(snapshot);

    private void Show(Snapshot snapshot)
    {
        _snapshot = snapshot;
        // Resolved with every version, so an edited board shows on the wall with the next change.
        _board = BoardId is null ? null : Boards.Find(BoardId);
        IEnumerable<ServiceStatus> services = BoardId is null ? snapshot.Services : _board?.Select(snapshot.Services) ?? [];
        var filtered = services.Where(_query.Matches);
        var shown = _board is null ? BoardOrder.Sort(filtered) : _board.Sort(filtered, s_noPins);
        _total = shown.Length;
        _problems = shown.Where(s => s.Status.IsProblem()).ToArray();
        _healthy = shown.Where(s => !s.Status.IsProblem()).ToArray();
        // Not the first problem: a board's own order may put a milder one first.
        _worst = _problems.Aggregate(StatusLevel.Operational, (worst, s) => StatusLevels.Worst(worst, s.Status));
        _problemGrid = WallGrid.ForProblems(_problems.Length);
        _healthyGrid = WallGrid.For(_healthy.Length, _problems.Length == 0 ? FullAreaAspect : HealthyAreaAspect);
    }
}

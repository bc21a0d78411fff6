using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components.Pages;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Tests.Web.Components;

public sealed class BoardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotStore _store;

    public BoardTests()
    {
        _store = TestStores.Create(_time, ("alpha", "Cloud"), ("bravo", "Cloud"), ("charlie", "AI & ML"));
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<TimeProvider>(_time);
    }

    // MudBlazor's inputs register services that only dispose asynchronously.
    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
    }

    private static string TileLevel(IRenderedComponent<Board> board, string id) =>
        board.Find($"[data-service-id='{id}']").GetAttribute("data-level")!;

    [Fact]
    public void Board_OneServiceChanges_RerendersOnlyThatTile()
    {
        // Arrange
        foreach (var id in new[] { "alpha", "bravo", "charlie" })
        {
            _store.Set(_time, id, StatusLevel.Operational);
        }
        var board = _context.Render<Board>();
        var before = board.FindComponents<StatusTile>().ToDictionary(t => t.Instance.Status.Id, t => t.RenderCount);

        // Act
        _store.Set(_time, "bravo", StatusLevel.MajorOutage, "Everything is on fire");
        board.WaitForAssertion(() => TileLevel(board, "bravo").Should().Be("major_outage"));

        // Assert
        var after = board.FindComponents<StatusTile>().ToDictionary(t => t.Instance.Status.Id, t => t.RenderCount);
        after["bravo"].Should().Be(before["bravo"] + 1);
        after["alpha"].Should().Be(before["alpha"]);
        after["charlie"].Should().Be(before["charlie"]);
    }

    [Fact]
    public void Board_ShowsProblemsFirst_AndCountsThem()
    {
        _store.Set(_time, "alpha", StatusLevel.Operational);
        _store.Set(_time, "bravo", StatusLevel.Degraded);
        _store.Set(_time, "charlie", StatusLevel.MajorOutage);

        var board = _context.Render<Board>();

        board.FindAll("[data-service-id]").Select(e => e.GetAttribute("data-service-id")).Should().Equal("charlie", "bravo", "alpha");
        board.Find("[data-testid='problem-count']").TextContent.Should().Contain("2 of 3 services not operational");
    }

    [Fact]
    public void Tile_ShowsLevelAsIconAndText_NotColourAlone()
    {
        _store.Set(_time, "alpha", StatusLevel.PartialOutage, "API errors");

        var board = _context.Render<Board>();

        var tile = board.Find("[data-service-id='alpha']");
        tile.QuerySelector(".tile-level-text")!.TextContent.Should().Be("Partial outage");
        tile.QuerySelector(".tile-level svg, .tile-level .mud-icon-root").Should().NotBeNull();
        tile.QuerySelector(".tile-summary")!.TextContent.Should().Be("API errors");
        tile.ClassList.Should().Contain("level-partial-outage");
    }

    [Fact]
    public async Task Board_Disposed_UnsubscribesFromTheStore()
    {
        var board = _context.Render<Board>();
        var subscribed = _store.SubscriberCount;

        await board.Instance.DisposeAsync();

        _store.SubscriberCount.Should().Be(subscribed - 1);
    }
}

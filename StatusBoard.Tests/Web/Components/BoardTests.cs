using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Feeds;
using StatusBoard.Web.Components.Pages;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Tests.Web.Components;

public sealed class BoardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotStore _store;
    private readonly TileMarkupCache _tiles = new();

    public BoardTests()
    {
        _store = TestStores.Create(_time, ("alpha", "Cloud"), ("bravo", "Cloud"), ("charlie", "AI & ML"));
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddWaveBanner();
        _context.Services.AddTestHistory();
        _context.Services.AddSingleton(_tiles);
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
    public void Board_OneServiceChanges_BuildsOneTile_SharedByEveryViewer()
    {
        // Arrange: two live boards, as two circuits would be.
        foreach (var id in new[] { "alpha", "bravo", "charlie" })
        {
            _store.Set(_time, id, StatusLevel.Operational);
        }
        var first = _context.Render<Board>();
        var second = _context.Render<Board>();
        var built = _tiles.Built;
        var alphaBefore = first.Find("[data-service-id='alpha']").OuterHtml;

        // Act
        _store.Set(_time, "bravo", StatusLevel.MajorOutage, "Everything is on fire");
        first.WaitForAssertion(() => TileLevel(first, "bravo").Should().Be("major_outage"));
        second.WaitForAssertion(() => TileLevel(second, "bravo").Should().Be("major_outage"));

        // Assert: one tile made for the changed service, none for the others, whatever the number of viewers.
        (_tiles.Built - built).Should().Be(1);
        first.Find("[data-service-id='alpha']").OuterHtml.Should().Be(alphaBefore);
        second.Find("[data-service-id='bravo'] .tile-summary").TextContent.Should().Be("Everything is on fire");
    }

    [Fact]
    public void Tile_APollThatOnlyRefreshesLastChecked_GivesTheSameMarkup_SoNoCircuitIsSentAnything()
    {
        // Blazor sends a markup frame again only when its text differs: a tile must not change with every poll.
        var status = ServiceStatus.Pending("alpha", "Alpha", "Cloud", null) with
        {
            Status = StatusLevel.Degraded, Summary = "Slow", Error = null,
            CheckedAt = _time.GetUtcNow(), LastChangedAt = _time.GetUtcNow().AddHours(-3), ResponseTimeMs = 120,
        };
        var before = _tiles.For(status, pinned: false).Value;

        var polledAgain = status with { CheckedAt = _time.GetUtcNow().AddMinutes(1), ResponseTimeMs = 95 };

        _tiles.For(polledAgain, pinned: false).Value.Should().Be(before);
        before.Should().Contain("changed <time data-relative datetime=\"" + status.LastChangedAt!.Value.ToString("O"));
        _tiles.For(polledAgain with { Status = StatusLevel.Operational, LastChangedAt = polledAgain.CheckedAt }, pinned: false)
            .Value.Should().NotBe(before);
    }

    [Fact]
    public void Tile_UpstreamTextWithMarkup_StaysText()
    {
        _store.Set(_time, "alpha", StatusLevel.MajorOutage, "<img src=x onerror=alert(1)><script>alert(2)</script>");

        var board = _context.Render<Board>();

        var tile = board.Find("[data-service-id='alpha']");
        tile.QuerySelectorAll("img, script").Should().BeEmpty();
        tile.QuerySelector(".tile-summary")!.TextContent.Should().Be("<img src=x onerror=alert(1)><script>alert(2)</script>");
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

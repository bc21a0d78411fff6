using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Feeds;
using StatusBoard.Web.Boards;
using StatusBoard.Web.Components.Controls;
using StatusBoard.Web.Components.Layout;
using StatusBoard.Web.Components.Pages;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Tests.Web.Boards;

/// <summary><c>/b/{id}</c>, the board chooser and board reloads, with bUnit on a real store.</summary>
public sealed class TeamBoardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly SnapshotStore _store;
    private BoardsConfiguration _configuration = null!;

    public TeamBoardTests()
    {
        _store = TestStores.Create(_time, ("github", "Code & CI"), ("aws-ec2", "Cloud"), ("aws-s3", "Cloud"), ("stripe", "Payments"), ("openai", "AI & ML"));
        foreach (var service in _store.Current.Services)
        {
            _store.Set(_time, service.Id, StatusLevel.Operational);
        }
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddWaveBanner();
        _context.Services.AddTestHistory();
        _context.Services.AddSingleton(new TileMarkupCache());
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddLogging(logging => logging.AddProvider(_logs));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
    }

    private void Configure(Dictionary<string, string?> settings)
    {
        _configuration = BoardsConfiguration.Create(settings);
        _context.Services.AddStatusBoardBoards(_configuration.Root);
    }

    private static Dictionary<string, string?> PaymentsAndCloud() => BoardsConfiguration.Merge(
        BoardsConfiguration.Board(0, "payments", "Payments team", services: ["stripe", "aws-*"], order: ["stripe", "aws-s3"]),
        BoardsConfiguration.Board(1, "ml", "ML team", categories: ["ai & ml"]));

    private static string[] TileIds(IRenderedComponent<TeamBoard> page) =>
        [.. page.FindAll(".tile-grid [data-service-id]").Select(tile => tile.GetAttribute("data-service-id")!)];

    [Fact]
    public void TeamBoard_ShowsOnlyItsServices_InItsOrder_UnderItsTitle()
    {
        // Arrange
        Configure(PaymentsAndCloud());

        // Act
        var page = _context.Render<TeamBoard>(p => p.Add(b => b.Id, "payments"));

        // Assert
        TileIds(page).Should().Equal("stripe", "aws-s3", "aws-ec2");
        page.Find("h1").TextContent.Should().Be("Payments team");
        page.Find("[data-testid='result-count']").TextContent.Should().Contain("Showing 3 of 3 services");
    }

    [Fact]
    public void TeamBoard_TabTitle_CountsOnlyTheBoardsProblems()
    {
        // Arrange: one problem on the board, one elsewhere.
        Configure(PaymentsAndCloud());
        var page = _context.Render<TeamBoard>(p => p.Add(b => b.Id, "payments"));

        // Act
        _store.Set(_time, "aws-ec2", StatusLevel.PartialOutage);
        _store.Set(_time, "github", StatusLevel.MajorOutage);

        // Assert
        page.WaitForAssertion(() => page.FindComponent<AtAGlance>().Instance.Problems.Should().Be(1));
        var glance = page.FindComponent<AtAGlance>().Instance;
        glance.Name.Should().Be("Payments team · StatusBoard");
        glance.Worst.Should().Be(StatusLevel.PartialOutage);
        page.Find("[data-testid='problem-count']").TextContent.Should().Contain("1 of 3 services not operational");
    }

    [Fact]
    public void TeamBoard_UnknownId_ListsTheBoards()
    {
        Configure(PaymentsAndCloud());

        var page = _context.Render<TeamBoard>(p => p.Add(b => b.Id, "nope"));

        page.Find("[data-testid='board-not-found'] h1").TextContent.Should().Be("No board “nope”");
        page.FindAll(".board-list a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .Should().Equal(("b/payments", "Payments team"), ("b/ml", "ML team"));
    }

    [Fact]
    public void TeamBoard_ValidEdit_ShowsTheNewBoard_BadEdit_KeepsItAndLogsEveryProblem()
    {
        // Arrange
        Configure(PaymentsAndCloud());
        var page = _context.Render<TeamBoard>(p => p.Add(b => b.Id, "payments"));

        // Act: a valid edit, then a broken one.
        _configuration.Replace(BoardsConfiguration.Board(0, "payments", "Payments & billing", services: ["stripe", "github"]));
        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be("Payments & billing"));
        _configuration.Replace(BoardsConfiguration.Merge(
            BoardsConfiguration.Board(0, "Payments", "Broken", services: ["stripe"]),
            BoardsConfiguration.Board(1, "ml", "")));

        // Assert
        page.Find("h1").TextContent.Should().Be("Payments & billing");
        TileIds(page).Should().Equal("github", "stripe");
        var rejected = _logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error).Subject.Message;
        rejected.Should().Contain("StatusBoard:Boards:0:id 'Payments' must be lowercase")
            .And.Contain("StatusBoard:Boards:1:title (board 'ml') is missing");
    }

    [Fact]
    public async Task BoardCatalog_BoardThatSelectsNothing_IsAWarning_NotAnError()
    {
        // Arrange
        Configure(BoardsConfiguration.Board(0, "later", "Not yet", services: ["twilio-*"]));
        var boards = _context.Services.GetRequiredService<BoardCatalog>();

        // Act
        await boards.StartAsync(Xunit.TestContext.Current.CancellationToken);

        // Assert
        boards.Find("later").Should().NotBeNull();
        _logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning)
            .Which.Message.Should().Be("Board 'later' selects none of the 5 services in the catalog.");
    }

    [Fact]
    public void Wall_ForABoard_ShowsOnlyItsServices_WithItsTitleAndWorstLevel()
    {
        // Arrange: stripe comes first by the board's order, but aws-s3's problem is worse.
        Configure(PaymentsAndCloud());
        _store.Set(_time, "stripe", StatusLevel.Degraded);
        _store.Set(_time, "aws-s3", StatusLevel.MajorOutage);
        _store.Set(_time, "github", StatusLevel.PartialOutage);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("wall?board=payments");

        // Act
        var wall = _context.Render<WallDisplay>();

        // Assert
        wall.FindAll(".wall-problems [data-service-id]").Select(t => t.GetAttribute("data-service-id")).Should().Equal("stripe", "aws-s3");
        wall.FindAll(".wall-grid [data-service-id]").Select(t => t.GetAttribute("data-service-id")).Should().Equal("aws-ec2");
        wall.Find(".wall-brand").TextContent.Should().Be("Payments team");
        var glance = wall.FindComponent<AtAGlance>().Instance;
        (glance.Problems, glance.Worst, glance.Name).Should().Be((2, StatusLevel.MajorOutage, "Payments team · Wall · StatusBoard"));
    }

    [Fact]
    public void Chooser_WithBoards_IsANavListOfLinks()
    {
        Configure(PaymentsAndCloud());

        var layout = _context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));

        var chooser = layout.Find("nav[aria-label='Boards']");
        chooser.QuerySelectorAll("ul > li > a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .Should().Equal(("b/payments", "Payments team"), ("b/ml", "ML team"));
    }

    [Fact]
    public void Chooser_WithoutBoards_IsAbsent()
    {
        Configure([]);

        var layout = _context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(_ => { })));

        layout.FindAll("nav[aria-label='Boards']").Should().BeEmpty();
        layout.FindAll("nav[aria-label='Views']").Should().ContainSingle();
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Feeds;
using StatusBoard.Web.Components.Tiles;
using StatusBoard.Web.Components.Filtering;
using StatusBoard.Web.Components.Pages;

namespace StatusBoard.Tests.Web.Components;

/// <summary>Finding services on the board: URL filters, category counts, problems-first order and pins.</summary>
public sealed class DashboardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotStore _store;

    public DashboardTests()
    {
        _store = TestStores.Create(_time, ("alpha", "Cloud"), ("bravo", "Cloud"), ("charlie", "AI & ML"), ("github", "Code"), ("gitlab", "Code"));
        foreach (var service in _store.Current.Services)
        {
            _store.Set(_time, service.Id, StatusLevel.Operational);
        }
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddWaveBanner();
        _context.Services.AddTestHistory();
        _context.Services.AddSingleton<TileMarkupCache>();
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSupplyValueFromQueryProvider();
    }

    // MudBlazor's inputs register services that only dispose asynchronously.
    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
    }

    private IRenderedComponent<Board> RenderAt(string url)
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return _context.Render<Board>();
    }

    private static string[] Shown(IRenderedComponent<Board> board) =>
        board.FindAll(".tile-grid [data-service-id]").Select(e => e.GetAttribute("data-service-id")!).ToArray();

    [Theory]
    [InlineData("github", null, null, false, true)]
    [InlineData("github", "code", null, false, true)]
    [InlineData("github", "Cloud", null, false, false)]
    [InlineData("github", null, "GIT", false, true)]
    [InlineData("github", null, "cod", false, true)]
    [InlineData("github", null, "lab", false, false)]
    [InlineData("github", null, null, true, false)]
    public void Query_Matches_ByCategoryTextAndProblems(string id, string? category, string? text, bool problemsOnly, bool expected)
    {
        var service = _store.Current.Find(id)!;

        new BoardQuery(category, text, problemsOnly).Matches(service).Should().Be(expected);
    }

    [Fact]
    public void Board_CategoryAndProblemsInTheUrl_ShowOnlyMatchingServices()
    {
        // Arrange
        _store.Set(_time, "bravo", StatusLevel.Degraded);
        _store.Set(_time, "charlie", StatusLevel.MajorOutage);

        // Act
        var board = RenderAt("/?category=Cloud&problems=1");

        // Assert
        Shown(board).Should().Equal("bravo");
        board.Find(".chip[aria-current='true']").GetAttribute("data-category").Should().Be("Cloud");
    }

    [Fact]
    public void Board_TextInTheUrl_SearchesNameIdAndCategory()
    {
        var board = RenderAt("/?q=git");

        Shown(board).Should().Equal("github", "gitlab");
    }

    [Fact]
    public void Board_NoMatch_SaysSoWithAWayBack()
    {
        var board = RenderAt("/?q=nothing-like-this");

        Shown(board).Should().BeEmpty();
        board.Find("[data-testid='no-match'] a").GetAttribute("href").Should().Be("");
    }

    [Fact]
    public void Board_CategoryChips_CountServicesAndProblems()
    {
        // Arrange
        _store.Set(_time, "alpha", StatusLevel.PartialOutage);

        // Act
        var board = RenderAt("/");

        // Assert
        var cloud = board.Find(".chip[data-category='Cloud']");
        cloud.QuerySelector(".chip-count")!.TextContent.Should().Be("2");
        cloud.QuerySelector(".chip-problems")!.TextContent.Should().Contain("1");
        board.Find(".chip[data-category='Code']").QuerySelector(".chip-problems").Should().BeNull();
        board.Find(".chip[data-category='']").QuerySelector(".chip-count")!.TextContent.Should().Be("5");
    }

    [Fact]
    public void Board_ProblemsFirstBySeverity_ThenByName()
    {
        _store.Set(_time, "gitlab", StatusLevel.Degraded);
        _store.Set(_time, "bravo", StatusLevel.MajorOutage);
        _store.Set(_time, "alpha", StatusLevel.Degraded);
        _store.Set(_time, "charlie", StatusLevel.Maintenance);

        var board = RenderAt("/");

        Shown(board).Should().Equal("bravo", "alpha", "gitlab", "charlie", "github");
    }

    [Fact]
    public void Board_PinnedServicesLead_AndTogglingAPinSavesIt()
    {
        // Arrange: this browser has "github" pinned.
        var pins = _context.JSInterop.SetupModule("./js/pins.js");
        pins.Setup<string[]?>("load").SetResult(["github"]);
        var save = pins.SetupVoid("save", _ => true);
        _store.Set(_time, "bravo", StatusLevel.MajorOutage);

        // Act
        var board = RenderAt("/");
        board.WaitForAssertion(() => Shown(board)[0].Should().Be("github"));
        board.Find(".tile-grid").TriggerEvent("ontileaction", new TileActionEventArgs { Id = "gitlab", Action = "pin" });

        // Assert
        Shown(board).Should().Equal("github", "gitlab", "bravo", "alpha", "charlie");
        board.Find("[data-service-id='gitlab'] .tile-pin").GetAttribute("aria-pressed").Should().Be("true");
        var saved = save.Invocations.Last().Arguments[0].Should().BeAssignableTo<string[]>().Subject;
        saved.Should().Equal("github", "gitlab");
    }

    [Fact]
    public void Board_StaleService_IsMarkedStaleOnItsTile()
    {
        var bravo = _store.Current.Find("bravo")! with { Stale = true, Status = StatusLevel.Degraded };
        _store.Apply(bravo);

        var board = RenderAt("/");

        var tile = board.Find("[data-service-id='bravo']");
        tile.GetAttribute("data-stale").Should().Be("true");
        tile.QuerySelector(".stale-tag")!.TextContent.Should().Be("stale");
        board.Find("[data-service-id='alpha']").QuerySelector(".stale-tag").Should().BeNull();
    }

    [Fact]
    public void Board_Offline_ShowsTheBanner_AndRemovesItWhenBackOnline()
    {
        // Arrange
        var board = RenderAt("/");
        board.FindAll("[data-testid='offline-banner']").Should().BeEmpty();

        // Act
        _store.SetOffline(new Connectivity(_time.GetUtcNow().AddMinutes(-5), "No network route to any status page"));

        // Assert
        board.WaitForAssertion(() => board.Find("[data-testid='offline-banner']").TextContent
            .Should().Contain("StatusBoard cannot reach the internet; statuses are stale since").And.Contain("2026-11-25 11:55 UTC"));
        _store.SetOffline(null);
        board.WaitForAssertion(() => board.FindAll("[data-testid='offline-banner']").Should().BeEmpty());
    }

    [Fact]
    public void OfflineBanner_SaysItInTheDashboardsWords_NotTheEnginesMessage()
    {
        // Arrange
        var board = RenderAt("/");

        // Act: the engine's message is for the JSON API and logs; the banner builds its own sentence from Since.
        _store.SetOffline(new Connectivity(_time.GetUtcNow().AddMinutes(-5), "engine wording: no route"));

        // Assert
        board.WaitForAssertion(() => board.Find("[data-testid='offline-banner']").TextContent
            .Should().Contain("2026-11-25 11:55 UTC").And.NotContain("engine wording"));
    }

    [Fact]
    public void Board_TileOpensDetailsInTheDrawer()
    {
        _store.Set(_time, "charlie", StatusLevel.MajorOutage, "Everything is down");
        var board = RenderAt("/");

        board.Find(".tile-grid").TriggerEvent("ontileaction", new TileActionEventArgs { Id = "charlie", Action = "open" });

        board.WaitForAssertion(() => board.Find(".service-details[data-service-id='charlie'] .details-level-text").TextContent.Should().Be("Major outage"));
    }
}

using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>Finding, pinning and opening services in a real browser, on the demo catalog.</summary>
public sealed class DashboardTests(DemoDashboard dashboard) : IClassFixture<DemoDashboard>
{
    private static ILocator Tiles(IPage page) => page.Locator(".tile-grid [data-service-id]");

    [Fact]
    public async Task FilterUrl_RestoresTheViewAfterReload()
    {
        // Arrange
        var page = await dashboard.OpenAsync("/?category=Code%20%26%20CI&q=git", 1440, 900);
        await DemoDashboard.WaitInteractiveAsync(page);
        var expected = dashboard.App.Store.Current.Services
            .Where(s => s.Category == "Code & CI" && (s.Name.Contains("git", StringComparison.OrdinalIgnoreCase) || s.Id.Contains("git", StringComparison.Ordinal)))
            .Select(s => s.Id).Order().ToArray();
        expected.Should().NotBeEmpty();

        // Act
        await page.ReloadAsync();
        await DemoDashboard.WaitInteractiveAsync(page);

        // Assert
        var shown = (await Tiles(page).EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.dataset.serviceId)")).Order().ToArray();
        shown.Should().Equal(expected);
        await Assertions.Expect(page.Locator(".chip[aria-current='true']")).ToHaveAttributeAsync("data-category", "Code & CI");
        await Assertions.Expect(page.Locator("[data-testid='search'] input, input[data-testid='search']").First).ToHaveValueAsync("git");
    }

    [Fact]
    public async Task Search_NarrowsTheGrid_AndWritesTheUrl()
    {
        // Arrange
        var page = await dashboard.OpenAsync("/", 1440, 900);
        await DemoDashboard.WaitInteractiveAsync(page);
        await Assertions.Expect(Tiles(page)).ToHaveCountAsync(dashboard.App.Store.Current.Services.Length);

        // Act
        await page.Locator("[data-testid='search'] input, input[data-testid='search']").First.FillAsync("shopify");

        // Assert
        await Assertions.Expect(Tiles(page)).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(Tiles(page).First).ToHaveAttributeAsync("data-service-id", "shopify");
        page.Url.Should().Contain("q=shopify");
    }

    [Fact]
    public async Task Pin_MovesTheServiceFirst_AndSurvivesReload()
    {
        // Arrange: the last tile in "problems first" order.
        var page = await dashboard.OpenAsync("/", 1440, 900);
        await DemoDashboard.WaitInteractiveAsync(page);
        var last = await Tiles(page).Last.GetAttributeAsync("data-service-id");

        // Act
        await page.Locator($"[data-service-id='{last}'] .tile-pin").ClickAsync();
        await Assertions.Expect(Tiles(page).First).ToHaveAttributeAsync("data-service-id", last!);
        await page.ReloadAsync();
        await DemoDashboard.WaitInteractiveAsync(page);

        // Assert
        await Assertions.Expect(Tiles(page).First).ToHaveAttributeAsync("data-service-id", last!);
        await Assertions.Expect(Tiles(page).First.Locator(".tile-pin")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.EvaluateAsync("() => localStorage.clear()");
    }

    [Fact]
    public async Task Keyboard_EnterOnAFocusedTile_OpensItsDetails()
    {
        // Arrange
        var page = await dashboard.OpenAsync("/", 1440, 900);
        await DemoDashboard.WaitInteractiveAsync(page);
        var first = Tiles(page).First;
        var id = await first.GetAttributeAsync("data-service-id");

        // Act
        await first.Locator(".tile-open").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        var details = page.Locator($".details-drawer .service-details[data-service-id='{id}']");
        await Assertions.Expect(details).ToBeVisibleAsync();
        await Assertions.Expect(details.Locator(".details-level-text")).Not.ToBeEmptyAsync();
        // Wait for the slide-in to finish before the screenshot.
        await page.WaitForFunctionAsync("() => document.querySelector('.details-drawer').getBoundingClientRect().right <= innerWidth + 1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("board-drawer-1440") });
    }

    [Fact]
    public async Task Wall_FitsTheWholeCatalogAt1920x1080_WithoutScrolling()
    {
        // Arrange
        var page = await dashboard.OpenAsync("/wall", 1920, 1080);
        var total = dashboard.App.Store.Current.Services.Length;
        total.Should().BeGreaterThan(150, "the shipped catalog is the test");

        // Act
        await Assertions.Expect(page.Locator(".wall [data-service-id]")).ToHaveCountAsync(total);

        // Assert
        var fits = await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight && document.scrollingElement.scrollWidth <= window.innerWidth");
        fits.Should().BeTrue("the wall must show every service without a scroll bar");
        var outside = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.wall [data-service-id]')]
                .filter(t => { const r = t.getBoundingClientRect(); return r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.height < 12; }).length
            """);
        outside.Should().Be(0, "every tile is inside the viewport and tall enough to read");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("wall-1920") });
    }

    [Fact]
    public async Task Wall_ManyLiveUpdates_KeepTheDomTheSameSize()
    {
        // Arrange
        var page = await dashboard.OpenAsync("/wall", 1920, 1080);
        var store = dashboard.App.Store;
        var id = store.Current.Services[0].Id;
        await Assertions.Expect(page.Locator(".wall [data-service-id]")).ToHaveCountAsync(store.Current.Services.Length);
        // Problem tiles carry one summary element more; the demo's real-time incidents may move tiles meanwhile.
        const string countNodes = "() => document.getElementsByTagName('*').length - document.querySelectorAll('.wall-tile-summary').length";
        var before = await page.EvaluateAsync<int>(countNodes);

        // Act: fifty updates of one service, each rendered over the circuit.
        for (var n = 1; n <= 50; n++)
        {
            store.Apply(store.Current.Find(id)! with { Summary = $"update {n}" });
        }
        store.Apply(store.Current.Find(id)! with { Summary = "final", Status = Core.Snapshot.StatusLevel.Degraded });
        await Assertions.Expect(page.Locator($".wall-problems [data-service-id='{id}'] .wall-tile-summary")).ToHaveTextAsync("final");
        store.Apply(store.Current.Find(id)! with { Summary = null, Status = Core.Snapshot.StatusLevel.Operational });
        await Assertions.Expect(page.Locator($".wall-grid [data-service-id='{id}']")).ToHaveCountAsync(1);

        // Assert: the same elements, reused; nothing accumulates in the page. The demo's own scripted incidents keep
        // running in real time meanwhile and may add or drop a tag or two; a leak of 50 updates would add 50 or more.
        var after = await page.EvaluateAsync<int>(countNodes);
        after.Should().BeInRange(before - 10, before + 10);
    }

    [Theory]
    [InlineData(1440, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Screenshots_BoardWallAndDetails(int width, int height, string name)
    {
        var board = await dashboard.OpenAsync("/", width, height);
        await DemoDashboard.WaitInteractiveAsync(board);
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath($"board-{name}") });

        var dark = await dashboard.OpenAsync("/?problems=1", width, height, ColorScheme.Dark);
        await DemoDashboard.WaitInteractiveAsync(dark);
        await Assertions.Expect(dark.Locator(".app-root.theme-dark")).ToHaveCountAsync(1);
        await dark.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath($"board-dark-problems-{name}") });

        var wall = await dashboard.OpenAsync("/wall", width, height);
        await Assertions.Expect(wall.Locator(".wall [data-service-id]").First).ToBeVisibleAsync();
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath($"wall-{name}") });

        var problem = dashboard.FirstProblem();
        var details = await dashboard.OpenAsync("/service/" + problem.Id, width, height);
        await Assertions.Expect(details.Locator(".service-details")).ToBeVisibleAsync();
        await details.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath($"details-{name}"), FullPage = true });
    }
}

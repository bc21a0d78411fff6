using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Boards;

/// <summary><c>/b/{id}</c> in a real browser on the demo catalog, with a screenshot to look at.</summary>
public sealed class TeamBoardBrowserTests : IAsyncLifetime
{
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = BoardsConfiguration.Merge(
            new Dictionary<string, string?> { ["StatusBoard:Demo"] = "true" },
            BoardsConfiguration.Board(0, "dev", "Developer tools", services: ["shopify"], categories: ["Code & CI"], order: ["shopify"]),
            BoardsConfiguration.Board(1, "everything-else", "Everything else", services: ["*"]));
        // An empty CatalogFile means the shipped catalog, as the demo runs it.
        _app = new StatusBoardApp("", settings: settings);
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null), TimeSpan.FromSeconds(30));
        (_playwright, _browser) = await TestSupport.Browser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TeamBoard_ShowsItsServices_ItsTitle_AndTheChooser()
    {
        // Arrange
        var expected = _app.Store.Current.Services.Where(s => s.Category == "Code & CI" || s.Id == "shopify").ToArray();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });

        // Act
        await page.GotoAsync(_app.ClientOptions.BaseAddress + "b/dev");
        await Assertions.Expect(page.Locator(".tile-grid[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });

        // Assert
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Developer tools");
        await Assertions.Expect(page.Locator(".tile-grid [data-service-id]")).ToHaveCountAsync(expected.Length);
        await Assertions.Expect(page.Locator(".tile-grid [data-service-id]").First).ToHaveAttributeAsync("data-service-id", "shopify");
        // The demo's levels move on their own; the exact count is checked in TeamBoardTests.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"^(\(\d+\) )?Developer tools · StatusBoard$"));
        var chooser = page.Locator("nav[aria-label='Boards'] a");
        await Assertions.Expect(chooser).ToHaveTextAsync(["Developer tools", "Everything else"]);
        await Assertions.Expect(chooser.First).ToHaveClassAsync("active");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("team-board"), FullPage = false });
    }
}

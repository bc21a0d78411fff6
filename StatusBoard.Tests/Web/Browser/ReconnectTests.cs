using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>A wall display must say when its live connection is gone, instead of quietly showing old data.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task ServerGoesAway_TheDisconnectedBannerShows()
    {
        // Arrange
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("a", upstream.Url("/a/api/v2/summary.json"))]);
        var app = new StatusBoardApp(catalog);
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.ClientOptions.BaseAddress.ToString());
            await DemoDashboard.WaitInteractiveAsync(page);
            var banner = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(banner).ToBeHiddenAsync();

            // Act
            await app.DisposeAsync();

            // Assert
            await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(banner).ToContainTextAsync("Connection to StatusBoard lost");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await app.DisposeAsync();
        }
    }
}

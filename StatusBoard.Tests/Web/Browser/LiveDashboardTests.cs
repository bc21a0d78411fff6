using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>The dashboard in a real browser over a real Blazor circuit, against a real local upstream.</summary>
public sealed class LiveDashboardTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        var ids = new[] { "github", "stripe", "openai" };
        foreach (var id in ids)
        {
            _upstream.Set($"/{id}/api/v2/summary.json", TestSupport.StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(ids.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json"), Name: id.ToUpperInvariant())));
        // Real time here: a browser cannot share a fake clock. A 1 s interval keeps the test short.
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?> { ["StatusBoard:PollInterval"] = "00:00:01" });
        _app.UseKestrel(0);
        _app.StartServer();
        (_playwright, _browser) = await TestSupport.Browser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Board_UpstreamFlipsToMajor_TileChangesWithoutReload()
    {
        // Arrange
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        await page.GotoAsync(_app.ClientOptions.BaseAddress.ToString());
        var stripe = page.Locator("[data-service-id='stripe']");
        await Assertions.Expect(stripe).ToHaveAttributeAsync("data-level", "operational", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        // Act
        _upstream.Set("/stripe/api/v2/summary.json", TestSupport.StatuspageJson.Summary("critical", incidentImpact: "critical"));

        // Assert
        await Assertions.Expect(stripe).ToHaveAttributeAsync("data-level", "major_outage", new() { Timeout = 60_000 });
        await Assertions.Expect(stripe.Locator(".tile-level-text")).ToHaveTextAsync("Major outage");
        await Assertions.Expect(page.Locator("[data-service-id]").First).ToHaveAttributeAsync("data-service-id", "stripe");
        await Assertions.Expect(page).ToHaveTitleAsync("(1) StatusBoard");
        navigations.Should().Be(1, "the change arrived over the circuit, not by reloading");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("board-live-change"), FullPage = true });
    }
}

using FluentAssertions;
using Microsoft.Playwright;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Tests.Web.Browser;

namespace StatusBoard.Tests.Web.Waves;

/// <summary>The wave banner in Chromium on the board and the wall, live from a real local upstream, and axe with it shown.</summary>
public sealed class WaveBannerBrowserTests : IAsyncLifetime
{
    private static readonly (string Id, string Category)[] s_services =
    [
        ("github", "Code & CI"), ("npm", "Package Registries"), ("vercel", "Cloud & Hosting"), ("openai", "AI & ML"),
        ("slack", "Communication"), ("stripe", "Payments & Commerce"),
    ];

    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var (id, _) in s_services)
        {
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(s_services.Select(s => new TestCatalog.Entry(s.Id, _upstream.Url($"/{s.Id}/api/v2/summary.json"), Category: s.Category, Name: s.Id)));
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?> { ["StatusBoard:PollInterval"] = "00:00:01" });
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null));
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
    public async Task Wave_AppearsLiveOnBoardAndWall_PassesAxe_AndItsLinkShowsThoseServices()
    {
        // Arrange
        var board = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await board.GotoAsync(_app.ClientOptions.BaseAddress.ToString());
        await DemoDashboard.WaitInteractiveAsync(board);
        var wall = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, ColorScheme = ColorScheme.Dark });
        await wall.GotoAsync(_app.ClientOptions.BaseAddress + "wall");
        await wall.WaitForFunctionAsync("() => window.Blazor !== undefined");

        // Act: five services in five categories degrade; three blame Azure.
        foreach (var (id, _) in s_services.Take(5))
        {
            var body = id is "github" or "npm" or "openai" ? "Degraded because of an Azure networking issue." : "Investigating.";
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary("minor", incidentImpact: "minor", incidentBody: body));
        }
        await _app.Store.WaitForAsync(s => s.Services.Count(x => x.Status == StatusLevel.Degraded) == 5, TimeSpan.FromSeconds(60));

        // Assert
        foreach (var page in new[] { board, wall })
        {
            await Assertions.Expect(page.GetByTestId("wave-text")).ToContainTextAsync("5 services degraded in the last 10 minutes:", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("wave-text")).ToContainTextAsync("— 3 of them mention Azure");
            (await AccessibilityTests.RunAxeAsync(page)).Should().BeEmpty("the banner must pass WCAG 2.1 A/AA");
        }
        await board.ScreenshotAsync(new() { Path = TestSupport.Browser.ScreenshotPath("wave-banner-board") });
        await wall.ScreenshotAsync(new() { Path = TestSupport.Browser.ScreenshotPath("wave-banner-wall") });
        await board.GetByTestId("wave-link").ClickAsync();
        await Assertions.Expect(board.Locator(".tile-grid [data-service-id]")).ToHaveCountAsync(5, new() { Timeout = 60_000 });
        await Assertions.Expect(board.Locator("[data-service-id='stripe']")).ToHaveCountAsync(0);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>Past StatusBoard:MaxCircuits live circuits, visitors get the light view: static HTML kept current over SSE.</summary>
public sealed class LightViewTests : IAsyncLifetime
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
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(ids.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json"), Name: id.ToUpperInvariant())));
        // One circuit allowed: the first browser tab gets the dashboard, the next one the light view.
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?>
        {
            ["StatusBoard:PollInterval"] = "00:00:01",
            ["StatusBoard:MaxCircuits"] = "1",
        });
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
    public async Task SecondVisitorBeyondTheCap_GetsLightView_ThatUpdatesOverSse_WithoutACircuit()
    {
        // Arrange: the first visitor holds the only circuit.
        var baseUrl = _app.ClientOptions.BaseAddress.ToString();
        var first = await _browser.NewPageAsync();
        await first.GotoAsync(baseUrl);
        // The board marks itself interactive after its first render over a circuit, which opens the circuit first.
        await Assertions.Expect(first.Locator(".tile-grid")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

        // Act
        var second = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var navigations = 0;
        second.FrameNavigated += (_, frame) => { if (frame == second.MainFrame) navigations++; };
        await second.GotoAsync(baseUrl);
        var stripe = second.Locator(".light-tile[data-id='stripe']");
        await Assertions.Expect(stripe).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-operational"), new() { Timeout = 60_000 });
        _upstream.Set("/stripe/api/v2/summary.json", StatuspageJson.Summary("critical", incidentImpact: "critical"));

        // Assert
        await Assertions.Expect(stripe).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-major_outage"), new() { Timeout = 60_000 });
        await Assertions.Expect(stripe.Locator(".light-level")).ToHaveTextAsync("✖ Major outage");
        await Assertions.Expect(second.Locator(".light-tile").First).ToHaveAttributeAsync("data-id", "stripe");
        await Assertions.Expect(second).ToHaveTitleAsync("(1) StatusBoard");
        (await second.EvaluateAsync<bool>("() => window.Blazor === undefined")).Should().BeTrue("the light view runs no circuit");
        _app.Services.GetRequiredService<StatusBoard.Web.Circuits.CircuitCounter>().Live.Should().Be(1);
        navigations.Should().Be(1, "the change arrived over SSE, not by reloading");
        await second.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("light-view"), FullPage = true });
    }
}

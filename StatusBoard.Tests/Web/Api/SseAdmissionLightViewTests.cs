using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>A light view whose event stream is refused (StatusBoard:MaxSseClients reached) polls the summary with its ETag instead.</summary>
public sealed class SseAdmissionLightViewTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var id in new[] { "github", "stripe" })
        {
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(new[] { "github", "stripe" }.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json"), Name: id.ToUpperInvariant())));
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?>
        {
            ["StatusBoard:PollInterval"] = "00:00:01",
            ["StatusBoard:MaxSseClients"] = "1",
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
    public async Task LightView_RefusedStream_FallsBackToPollingTheSummaryWithItsETag()
    {
        // Arrange: another client holds the only stream slot.
        var ct = TestContext.Current.CancellationToken;
        var baseUrl = _app.ClientOptions.BaseAddress;
        using var holder = new HttpClient { BaseAddress = baseUrl };
        using var held = await holder.GetAsync("/api/status/stream", HttpCompletionOption.ResponseHeadersRead, ct);
        held.EnsureSuccessStatusCode();
        var page = await _browser.NewPageAsync();
        var summaryRequests = new ConcurrentQueue<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/status/summary", StringComparison.Ordinal))
            {
                summaryRequests.Enqueue(request);
            }
        };

        // Act
        await page.GotoAsync(new Uri(baseUrl, "/light").ToString());
        await Assertions.Expect(page.Locator("#light-grid")).ToHaveAttributeAsync("data-mode", "polling", new() { Timeout = 30_000 });
        _upstream.Set("/stripe/api/v2/summary.json", StatuspageJson.Summary("critical", incidentImpact: "critical"));

        // Assert: the change arrives by polling (every 15 s), the later polls conditional on the ETag.
        var stripe = page.Locator(".light-tile[data-id='stripe']");
        await Assertions.Expect(stripe).ToHaveClassAsync(new Regex("level-major_outage"), new() { Timeout = 90_000 });
        await Assertions.Expect(page).ToHaveTitleAsync("(1) StatusBoard");
        summaryRequests.Count.Should().BeGreaterThanOrEqualTo(2);
        summaryRequests.Skip(1).Should().OnlyContain(r => r.Headers.ContainsKey("if-none-match"), "later polls ask with the ETag");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestSupport.Browser.ScreenshotPath("light-view-polling"), FullPage = true });
    }
}

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
            await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(banner).ToContainTextAsync("Connection to StatusBoard lost");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ServerRestarts_ThePageReloadsByItself_AndShowsTheLastKnownStateBeforeAnyPoll()
    {
        // Arrange: a board showing a major outage, on a fixed port so the restarted server is at the same address.
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("critical"));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("a", upstream.Url("/a/api/v2/summary.json"))]);
        var settings = new Dictionary<string, string?> { ["StatusBoard:DataDirectory"] = TestData.NewDirectory() };
        var port = FreePort();
        var first = new StatusBoardApp(catalog, settings: settings);
        first.UseKestrel(port);
        first.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        StatusBoardApp? second = null;
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{port}/");
            await DemoDashboard.WaitInteractiveAsync(page);
            var tile = page.Locator("[data-service-id='a']");
            await Assertions.Expect(tile).ToHaveAttributeAsync("data-level", "major_outage", new() { Timeout = 60_000 });
            await page.EvaluateAsync("() => window.__beforeRestart = true");

            // Act: stop, make the upstream hang (no poll can finish), start again on the same folder and port.
            await first.DisposeAsync();
            upstream.Hang("/a/api/v2/summary.json");
            second = new StatusBoardApp(catalog, settings: settings);
            second.UseKestrel(port);
            second.StartServer();

            // Assert: the page reloaded by itself (a new document) and shows the last known level, flagged stale.
            await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined && document.querySelector(\"[data-interactive='true']\")",
                null, new() { Timeout = 45_000 });
            await Assertions.Expect(tile).ToHaveAttributeAsync("data-level", "major_outage");
            await Assertions.Expect(tile).ToHaveAttributeAsync("data-stale", "true");
            second.Store.Current.Find("a")!.Stale.Should().BeTrue("no poll of the hanging upstream has finished");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

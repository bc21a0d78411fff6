using FluentAssertions;
using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Reload;

/// <summary>An open board in a real browser shows a service added to the catalog file, and loses a removed one, without a reload.</summary>
public sealed class OpenBoardReloadTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var id in new[] { "alpha", "beta", "gamma" })
        {
            _upstream.Set($"/{id}.json", StatuspageJson.Summary());
        }
    }

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task CatalogFileEdited_OpenBoardShowsTheAddedService_AndDropsTheRemovedOne_WithoutReloading()
    {
        // Arrange: a board open on alpha and beta.
        var path = TestCatalog.Write([new("alpha", _upstream.Url("/alpha.json")), new("beta", _upstream.Url("/beta.json"))]);
        await using var app = new StatusBoardApp(path);
        app.UseKestrel(0);
        app.StartServer();
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.ClientOptions.BaseAddress.ToString());
        await Assertions.Expect(page.Locator(".tile-grid[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // Act: the file is replaced as an editor saves it: gamma added, beta removed.
        var edited = File.ReadAllText(TestCatalog.Write([new("alpha", _upstream.Url("/alpha.json")), new("gamma", _upstream.Url("/gamma.json"), Name: "Gamma")]));
        File.WriteAllText(path + ".tmp", edited);
        File.Move(path + ".tmp", path, overwrite: true);

        // Assert: the same page (no navigation) shows gamma, polled, and no longer beta.
        await Assertions.Expect(page.Locator(".tile-grid [data-service-id='gamma']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".tile-grid [data-service-id='beta']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".tile-grid [data-service-id='gamma'][data-level='operational']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the board updated over its circuit, not by reloading");
    }
}

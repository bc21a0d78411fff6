using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>A status page that serves markup in its incident text cannot run script in the dashboard.</summary>
public sealed class XssTests : IAsyncLifetime
{
    private const string Hostile = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2;alert(2)\"><svg onload=\"window.__xss=3\"></svg>";
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/evil/api/v2/summary.json", StatuspageJson.Summary("major", incidentImpact: "major", incidentBody: Hostile));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("evil", _upstream.Url("/evil/api/v2/summary.json"), Name: "Evil Corp")]);
        _app = new StatusBoardApp(catalog);
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.Store.WaitForAsync(s => s.Services.All(service => service.Incidents.Count > 0));
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
    public async Task IncidentBodyWithMarkup_StaysInertText_OnTheDetailPageAndInTheDrawer()
    {
        // Arrange
        var page = await _browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // Act
        await page.GotoAsync(_app.ClientOptions.BaseAddress + "service/evil");
        var body = page.Locator("[data-incident-id] .update-body").First;
        await Assertions.Expect(body).ToHaveTextAsync(Hostile);
        await page.GotoAsync(_app.ClientOptions.BaseAddress.ToString());
        await DemoDashboard.WaitInteractiveAsync(page);
        await page.Locator("[data-service-id='evil'] .tile-open").ClickAsync();
        await Assertions.Expect(page.Locator(".details-drawer .update-body").First).ToHaveTextAsync(Hostile);

        // Assert
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).Should().BeTrue("no injected script ran");
        (await page.Locator("img[src='x'], .service-details svg[onload], .service-details script").CountAsync()).Should().Be(0);
        dialogs.Should().Be(0);
    }
}

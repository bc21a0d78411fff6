using Microsoft.Playwright;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>
/// The app in demo mode on the shipped catalog (every service, as an operations wall sees it), on real Kestrel
/// with Debian's Chromium; shared by the tests of one class.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public StatusBoardApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    public string BaseUrl => App.ClientOptions.BaseAddress.ToString();

    public async ValueTask InitializeAsync()
    {
        // An empty CatalogFile means "use StatusBoard:Services from appsettings.json": the shipped catalog.
        App = new StatusBoardApp("", settings: new Dictionary<string, string?>
        {
            ["StatusBoard:Demo"] = "true",
            // One team board, so its page and the navigation's board chooser are exercised too.
            ["StatusBoard:Boards:0:id"] = "dev",
            ["StatusBoard:Boards:0:title"] = "Developer tools",
            ["StatusBoard:Boards:0:categories:0"] = "Code & CI",
        });
        App.UseKestrel(0);
        App.StartServer();
        await App.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null), TimeSpan.FromSeconds(30));
        (_playwright, Browser) = await TestSupport.Browser.LaunchAsync();
    }

    public async Task<IPage> OpenAsync(string path, int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        await page.GotoAsync(BaseUrl + path.TrimStart('/'));
        return page;
    }

    /// <summary>Waits until the board's circuit is live (pins loaded, events wired).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".tile-grid[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });

    public ServiceStatus FirstProblem() =>
        App.Store.Current.Services.Where(s => s.Status.IsProblem() && s.Status != StatusLevel.Unknown).OrderBy(s => StatusBoard.Web.Levels.LevelWording.SortRank(s.Status)).FirstOrDefault()
        ?? App.Store.Current.Services[0];

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}

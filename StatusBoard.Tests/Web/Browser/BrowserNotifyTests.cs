using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>
/// Browser notifications in Chromium with the permission granted by Playwright: the page's <c>Notification</c>
/// constructor is wrapped by an init script so every notification shown is recorded, and the upstream is a real local one.
/// </summary>
public sealed class BrowserNotifyTests : IAsyncLifetime
{
    // Records each notification, then shows it as usual.
    private const string CaptureNotifications = """
        window.__notifications = [];
        const RealNotification = window.Notification;
        window.Notification = class extends RealNotification {
            constructor(title, options) {
                window.__notifications.push({ title, body: options?.body ?? "" });
                super(title, options);
            }
        };
        """;

    private static readonly string[] s_ids = ["github", "stripe", "openai"];
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var id in s_ids)
        {
            _upstream.Set(Path(id), StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(s_ids.Select(id => new TestCatalog.Entry(id, _upstream.Url(Path(id)), Name: id.ToUpperInvariant())));
        // Real time: a browser cannot share a fake clock. A 1 s interval keeps the test short.
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?> { ["StatusBoard:PollInterval"] = "00:00:01" });
        _app.UseKestrel(0);
        _app.StartServer();
        await _app.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null));
        (_playwright, _browser) = await TestSupport.Browser.LaunchAsync();
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await _context.GrantPermissionsAsync(["notifications"], new BrowserContextGrantPermissionsOptions { Origin = BaseUrl.TrimEnd('/') });
        await _context.AddInitScriptAsync(CaptureNotifications);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private string BaseUrl => _app.ClientOptions.BaseAddress.ToString();

    private static string Path(string id) => $"/{id}/api/v2/summary.json";

    private static async Task<string[]> NotificationsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.__notifications.map(n => n.title)")).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static Task WaitForNotificationsAsync(IPage page, int count) =>
        page.WaitForFunctionAsync($"() => window.__notifications.length >= {count}", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

    [Fact]
    public async Task PinnedService_FlipsUpstream_OneNotificationWithItsIncident_NoneForAnUnpinnedOne()
    {
        // Arrange: github pinned in this browser, notifications switched on with the visible control.
        var page = await _context.NewPageAsync();
        await page.GotoAsync(BaseUrl);
        await page.EvaluateAsync("() => localStorage.setItem('statusboard.pins', JSON.stringify(['github']))");
        await page.ReloadAsync();
        await DemoDashboard.WaitInteractiveAsync(page);
        var toggle = page.GetByTestId("notify-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false", new() { Timeout = 60_000 });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(toggle).ToHaveTextAsync("Notifying about pinned services");
        await page.Locator(".board-tools").ScreenshotAsync(new() { Path = TestSupport.Browser.ScreenshotPath("notify-opt-in") });

        // Act: the pinned service fails; polls every second keep seeing the same incident.
        _upstream.Set(Path("github"), StatuspageJson.Summary("major", incidentImpact: "major", incidentBody: "Actions runs are delayed."));
        await WaitForNotificationsAsync(page, 1);
        // An unpinned service fails after it: once its tile shows it, every earlier snapshot has reached the page too.
        _upstream.Set(Path("stripe"), StatuspageJson.Summary("critical", incidentImpact: "critical"));
        await Assertions.Expect(page.Locator("[data-service-id='stripe']")).ToHaveAttributeAsync("data-level", "major_outage", new() { Timeout = 60_000 });

        // Assert
        (await NotificationsAsync(page)).Should().Equal("GITHUB: Partial outage — Incident: Elevated errors");
        (await page.EvaluateAsync<string>("() => window.__notifications[0].body")).Should().Be("Actions runs are delayed.");
    }

    [Fact]
    public async Task TellMeWhenItsBack_SurvivesAReload_NotifiesOnceOnRecovery_ThenTheWatchIsGone()
    {
        // Arrange: stripe is down; its details page offers the watch.
        _upstream.Set(Path("stripe"), StatuspageJson.Summary("critical", incidentImpact: "critical"));
        await _app.Store.WaitForAsync(s => s.Service("stripe").Status == Core.Snapshot.StatusLevel.MajorOutage);
        var page = await _context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "service/stripe");
        var watch = page.GetByTestId("watch-button");
        await Assertions.Expect(watch).ToHaveAttributeAsync("aria-pressed", "false", new() { Timeout = 60_000 });
        await watch.ClickAsync();
        await Assertions.Expect(watch).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ReloadAsync();
        await Assertions.Expect(watch).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 60_000 });
        await page.Locator(".service-details").ScreenshotAsync(new() { Path = TestSupport.Browser.ScreenshotPath("notify-watch-button") });

        // Act: stripe recovers, fails again and recovers again.
        _upstream.Set(Path("stripe"), StatuspageJson.Summary("none"));
        await WaitForNotificationsAsync(page, 1);
        _upstream.Set(Path("stripe"), StatuspageJson.Summary("critical", incidentImpact: "critical"));
        await Assertions.Expect(page.Locator(".service-details")).ToHaveAttributeAsync("data-level", "major_outage", new() { Timeout = 60_000 });
        _upstream.Set(Path("stripe"), StatuspageJson.Summary("none"));
        await Assertions.Expect(page.Locator(".service-details")).ToHaveAttributeAsync("data-level", "operational", new() { Timeout = 60_000 });

        // Assert: one notification for the first recovery, none after, and the watch ended by itself.
        (await NotificationsAsync(page)).Should().Equal("STRIPE is operational again");
        (await page.EvaluateAsync<string>("() => localStorage.getItem('statusboard.watches')")).Should().Be("[]");
    }

    [Fact]
    public async Task OptIn_PermissionDenied_SaysSo()
    {
        // Arrange: a context without the permission, where Chromium answers every request with "denied".
        await using var denied = await _browser.NewContextAsync();
        var page = await denied.NewPageAsync();
        await page.AddInitScriptAsync("Object.defineProperty(Notification, 'permission', { get: () => 'denied' });");

        // Act
        await page.GotoAsync(BaseUrl);

        // Assert
        await Assertions.Expect(page.GetByTestId("notify-denied")).ToContainTextAsync("Notifications are blocked", new() { Timeout = 60_000 });
    }
}

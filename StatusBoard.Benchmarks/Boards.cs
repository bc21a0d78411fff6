using Microsoft.Playwright;

namespace StatusBoard.Benchmarks;

/// <summary>
/// Headless Chromium (/usr/bin/chromium) opening live dashboards: one browser, one context, pages sharing a few
/// renderer processes. A process per page (Chromium's default) costs ~50 MB and a main thread each, so 500 boards
/// would not fit the benchmark machine; sharing changes what the browser pays, not what the server does per circuit.
/// </summary>
public static class Boards
{
    /// <summary>Renderer processes for all pages together (the pages are one site, so Chromium may share them).</summary>
    private const int RendererProcesses = 8;

    /// <summary>Pages opened at the same time: enough to keep both cores busy, few enough that none times out.</summary>
    private const int OpenAtOnce = 4;

    private static readonly TimeSpan s_openTimeout = TimeSpan.FromMinutes(2);

    public static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright)
    {
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--renderer-process-limit={RendererProcesses}", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        return await browser.NewContextAsync();
    }

    /// <summary>
    /// Opens <paramref name="count"/> dashboards and waits until each is interactive (its first render acknowledged);
    /// <paramref name="initScript"/>, when given, runs in each page before the app's scripts.
    /// </summary>
    public static async Task OpenAsync(IBrowserContext browser, string url, List<IPage> opened, int count, string? initScript = null)
    {
        for (var done = 0; done < count; done += OpenAtOnce)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, count - done)).Select(_ => OpenOneAsync(browser, url, initScript)));
            opened.AddRange(batch);
            if (opened.Count % 50 < OpenAtOnce)
            {
                Console.WriteLine($"  {opened.Count} boards open");
            }
        }
    }

    private static async Task<IPage> OpenOneAsync(IBrowserContext browser, string url, string? initScript)
    {
        var page = await browser.NewPageAsync();
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }
        await page.GotoAsync(url, new PageGotoOptions { Timeout = (float)s_openTimeout.TotalMilliseconds });
        await page.Locator("[data-interactive=true] [data-service-id]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_openTimeout.TotalMilliseconds });
        return page;
    }
}

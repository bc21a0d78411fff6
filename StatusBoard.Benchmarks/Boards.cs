using Microsoft.Playwright;

namespace StatusBoard.Benchmarks;

/// <summary>Headless Chromium (/usr/bin/chromium) opening live dashboards: one browser, one context per page.</summary>
public static class Boards
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>
    /// Opens <paramref name="count"/> dashboards and waits until each is interactive (its first render acknowledged);
    /// <paramref name="initScript"/>, when given, runs in each page before the app's scripts.
    /// </summary>
    public static async Task OpenAsync(IBrowser browser, string url, List<IPage> opened, int count, string? initScript = null)
    {
        for (var i = 0; i < count; i++)
        {
            var page = await browser.NewPageAsync();
            if (initScript is not null)
            {
                await page.AddInitScriptAsync(initScript);
            }
            await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
            await page.Locator("[data-interactive=true] [data-service-id]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            opened.Add(page);
        }
    }
}

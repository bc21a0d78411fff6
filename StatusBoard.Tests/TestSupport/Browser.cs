using Microsoft.Playwright;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), headless and without background
/// networking, which this machine's closed network would refuse anyway.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        }
        // Expectations end as soon as they hold; their bound only decides when a loaded 2-core machine counts as a failure.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(Fixtures.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}

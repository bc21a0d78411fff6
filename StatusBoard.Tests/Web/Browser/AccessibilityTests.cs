using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;

namespace StatusBoard.Tests.Web.Browser;

/// <summary>
/// axe-core (npm, run inside Debian's Chromium) finds no WCAG 2.1 A/AA violation on any page. The script comes from
/// the npm registry at test time (.ci/run installs it), never from the repository.
/// </summary>
public sealed class AccessibilityTests(DemoDashboard dashboard) : IClassFixture<DemoDashboard>
{
    private const string InstallCommand = "npm install --prefix ~/.cache/statusboard-axe axe-core@4";

    private static readonly string s_axePath = Environment.GetEnvironmentVariable("STATUSBOARD_AXE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "statusboard-axe", "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string, ColorScheme> Pages => new()
    {
        { "/", ColorScheme.Light },
        { "/", ColorScheme.Dark },
        { "/?problems=1", ColorScheme.Light },
        { "/?services=github,npm", ColorScheme.Dark },
        { "/wall", ColorScheme.Dark },
        { "/b/dev", ColorScheme.Light },
        { "/b/dev", ColorScheme.Dark },
        { "/wall?board=dev", ColorScheme.Dark },
        { "/light", ColorScheme.Light },
        { "/service/{problem}", ColorScheme.Light },
        { "/service/{problem}", ColorScheme.Dark },
        { "/notifications", ColorScheme.Light },
    };

    [Fact]
    public async Task Harness_ReportsAViolation_WhenThePageHasOne()
    {
        // Arrange: the board with an image that has no text alternative, so a silent harness cannot pass for a clean page.
        var page = await dashboard.OpenAsync("/", 1280, 900);
        try
        {
            await DemoDashboard.WaitInteractiveAsync(page);
            await page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\">')");

            // Act
            var violations = await RunAxeAsync(page);

            // Assert
            violations.Should().Contain(v => v!.StartsWith("image-alt", StringComparison.Ordinal));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcag21AAViolations(string path, ColorScheme scheme)
    {
        // Arrange
        var page = await dashboard.OpenAsync(path.Replace("{problem}", dashboard.FirstProblem().Id, StringComparison.Ordinal), 1280, 900, scheme);
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (path.StartsWith("/?", StringComparison.Ordinal) || path is "/" or "/b/dev")
            {
                await DemoDashboard.WaitInteractiveAsync(page);
            }

            // Act
            var violations = await RunAxeAsync(page);

            // Assert
            violations.Should().BeEmpty($"{path} in {scheme} must pass WCAG 2.1 A/AA");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// A tile is stale whenever its page was not read for a while (common under load, or on a follower that lost the
    /// leader): its styling must keep the text's contrast. Every tile is flagged, so the check does not depend on luck.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task StaleTiles_KeepTheirContrast(ColorScheme scheme)
    {
        // Arrange
        var page = await dashboard.OpenAsync("/", 1280, 900, scheme);
        try
        {
            await DemoDashboard.WaitInteractiveAsync(page);
            await page.EvaluateAsync("() => document.querySelectorAll('.status-tile').forEach(t => t.classList.add('is-stale'))");

            // Act
            var violations = await RunAxeAsync(page);

            // Assert
            violations.Should().NotContain(v => v!.StartsWith("color-contrast", StringComparison.Ordinal), $"stale tiles in {scheme}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page; one line per violation.</summary>
    public static async Task<string?[]> RunAxeAsync(IPage page)
    {
        File.Exists(s_axePath).Should().BeTrue($"axe-core is needed at {s_axePath}: {InstallCommand} (.ci/run does)");
        await page.AddScriptTagAsync(new() { Path = s_axePath });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()).ToArray();
    }
}

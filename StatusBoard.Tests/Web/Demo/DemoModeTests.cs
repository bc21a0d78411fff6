using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Demo;

namespace StatusBoard.Tests.Web.Demo;

/// <summary>Demo mode: the shipped catalog against the simulated upstream, on a fake clock.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public void DemoSwitch_MapsToTheConfigurationKey()
    {
        DemoMode.MapSwitch(["--urls", "http://x", "--demo"]).Should().Equal("--urls", "http://x", "--StatusBoard:Demo=true");
    }

    [Fact]
    public void Script_IsDeterministic_AndIncidentsStartAndResolve()
    {
        var ids = Enumerable.Range(0, 160).Select(i => $"s{i}").ToArray();
        var start = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var a = new DemoScript(ids);
        var b = new DemoScript(ids);

        var active = ids.Where(id => a.IncidentsOf(id, start).Count > 0).ToArray();
        var later = ids.Where(id => a.IncidentsOf(id, start.AddMinutes(15)).Count > 0).ToArray();

        active.Should().NotBeEmpty().And.Equal(ids.Where(id => b.IncidentsOf(id, start).Count > 0));
        later.Should().NotBeEmpty().And.NotEqual(active, "the incidents of a quarter of an hour ago have resolved and others started");
    }

    [Fact]
    public async Task DemoMode_RewritesTheShippedCatalog_AndScriptedTimeProducesProblems()
    {
        // Arrange: an empty CatalogFile means the shipped catalog in appsettings.json.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var app = new StatusBoardApp("", time, new Dictionary<string, string?> { ["StatusBoard:Demo"] = "true" });
        var store = app.Store;
        var catalog = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        catalog.Services.Should().HaveCountGreaterThan(150);
        catalog.Services.Should().OnlyContain(s => s.Provider == "statuspage" && s.Url.Host.EndsWith(DemoUpstreamHandler.HostSuffix));
        catalog.Services.Should().Contain(s => s.Id == "github" && s.StatusPageUrl == "https://www.githubstatus.com");
        var first = await store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null), TimeSpan.FromSeconds(30));
        var problemsAtStart = Problems(first);

        // Act: let a quarter of an hour of scripted time pass, half a minute at a time.
        for (var step = 0; step < 30; step++)
        {
            var version = store.Current.Version;
            time.Advance(TimeSpan.FromSeconds(30));
            try
            {
                await store.WaitForAsync(s => s.Version > version, TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                // A step in which no poll was due publishes nothing; the next step moves on.
            }
        }
        var later = await store.WaitForAsync(s => s.Services.All(service => service.CheckedAt >= time.GetUtcNow().AddMinutes(-2)));

        // Assert
        var problems = Problems(later);
        problems.Should().NotBeEmpty("scripted incidents are running");
        problems.Should().NotEqual(problemsAtStart, "incidents started and resolved while time passed");
        later.Services.Should().Contain(s => s.Incidents.Count > 0 && s.Incidents[0].Updates.Count > 0);
    }

    private static string[] Problems(Snapshot snapshot) =>
        snapshot.Services.Where(s => s.Status.IsProblem()).Select(s => s.Id).Order().ToArray();
}

using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Reload;

/// <summary>The catalog in appsettings.json (the app's own, loaded with reloadOnChange from a temp content root), edited while the app runs.</summary>
public sealed class AppSettingsReloadTests
{
    [Fact]
    public async Task Reload_ServicesInAppSettingsEdited_AddedServiceAppears()
    {
        // Arrange
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a.json", StatuspageJson.Summary());
        upstream.Set("/b.json", StatuspageJson.Summary());
        var path = Path.Combine(TestData.NewDirectory(), "appsettings.json");
        File.WriteAllText(path, Settings(upstream, "a"));
        await using var app = new SettingsFileApp(Path.GetDirectoryName(path)!);
        app.CreateClient();
        var store = app.Services.GetRequiredService<SnapshotStore>();
        await store.WaitForAsync(s => s.Service("a").CheckedAt is not null);

        // Act
        File.WriteAllText(path, Settings(upstream, "a", "b"));
        var reloaded = await store.WaitForAsync(s => s.Find("b")?.CheckedAt is not null);

        // Assert
        reloaded.Services.Select(s => s.Id).Should().Equal("a", "b");
        upstream.Hits("/a.json").Should().Be(1);
    }

    private static string Settings(FakeUpstream upstream, params string[] ids) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            StatusBoard = new
            {
                Services = ids.Select(id => new { id, name = id, category = "Test", provider = "statuspage", url = upstream.Url($"/{id}.json").ToString() }),
            },
        });

    private sealed class SettingsFileApp(string contentRoot) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // The test's appsettings.json instead of the repository's (which lists real services on the internet).
            builder.UseContentRoot(contentRoot);
            builder.ConfigureAppConfiguration((_, config) =>
            {
                config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["StatusBoard:PublishDelay"] = "00:00:00",
                    ["StatusBoard:MaxRequestsPerHost"] = "100",
                    ["StatusBoard:HostSpacing"] = "00:00:00",
                    ["StatusBoard:CanaryUrls:0"] = "http://127.0.0.1:9/",
                    ["StatusBoard:DataDirectory"] = TestData.NewDirectory(),
                    ["Logging:LogLevel:Default"] = "Warning",
                });
            });
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.TestSupport;

/// <summary>The whole web app (Program.cs) on a test catalog; optionally on a fake clock or on real Kestrel for a browser.</summary>
public sealed class StatusBoardApp(string catalogFile, FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public SnapshotStore Store => Services.GetRequiredService<SnapshotStore>();

    /// <summary>The host environment; Development unless a test checks Production behaviour.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Extra test-only services (e.g. an <see cref="Microsoft.AspNetCore.Hosting.IStartupFilter"/> adding a test endpoint).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, config) =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StatusBoard:CatalogFile"] = catalogFile,
                ["StatusBoard:PublishDelay"] = "00:00:00",
            // Tests share one local upstream host: no per-host spacing unless a test asks for it.
            ["StatusBoard:MaxRequestsPerHost"] = "100",
            ["StatusBoard:HostSpacing"] = "00:00:00",
            ["StatusBoard:BackoffJitter"] = "0",
            // Never the internet from tests: the canary is a closed local port.
            ["StatusBoard:CanaryUrls:0"] = "http://127.0.0.1:9/",
            ["StatusBoard:DataDirectory"] = TestData.NewDirectory(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            if (settings is not null)
            {
                config.AddInMemoryCollection(settings);
            }
        });
        if (time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(time));
        }
        if (TestServices is not null)
        {
            builder.ConfigureServices(TestServices);
        }
    }
}

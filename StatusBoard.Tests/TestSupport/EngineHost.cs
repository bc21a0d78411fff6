using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;

namespace StatusBoard.Tests.TestSupport;

/// <summary>The Core engine in a real generic host, on a catalog file and a fake clock.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly RefusingPort _canary;

    private EngineHost(IHost host, FakeTimeProvider time, RefusingPort canary)
    {
        _host = host;
        Time = time;
        _canary = canary;
    }

    public FakeTimeProvider Time { get; }

    public SnapshotStore Store => _host.Services.GetRequiredService<SnapshotStore>();

    public IServiceProvider Services => _host.Services;

    private StatusEngine Engine => _host.Services.GetRequiredService<StatusEngine>();

    /// <summary>Polls finished since start, any outcome.</summary>
    public long CompletedPolls => Engine.CompletedPolls;

    /// <summary>Completes when the engine has finished <paramref name="count"/> polls (signalled by the engine; bounded in real time).</summary>
    public async Task WaitForCompletedPollsAsync(long count)
    {
        try
        {
            await Engine.WaitForCompletedPollsAsync(count, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} completed polls; the engine finished {CompletedPolls}.");
        }
    }

    /// <summary>Starts the engine; <paramref name="logs"/>, when given, receives every log entry.</summary>
    /// <param name="services">Replacements registered after Core's (e.g. a cluster <c>Leadership</c> the test drives).</param>
    public static async Task<EngineHost> StartAsync(string catalogFile, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        var canary = new RefusingPort();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StatusBoard:CatalogFile"] = catalogFile,
            // Publish every change at once: the fake clock does not move by itself.
            ["StatusBoard:PublishDelay"] = "00:00:00",
            // Tests share one local upstream host: no per-host spacing unless a test asks for it.
            ["StatusBoard:MaxRequestsPerHost"] = "100",
            ["StatusBoard:HostSpacing"] = "00:00:00",
            ["StatusBoard:BackoffJitter"] = "0",
            // Never the internet from tests: the canary is a local port that refuses.
            ["StatusBoard:CanaryUrls:0"] = canary.Url().ToString(),
            ["StatusBoard:DataDirectory"] = TestData.NewDirectory(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddStatusBoardCore(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, time, canary);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _canary.Dispose();
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;

namespace StatusBoard.Benchmarks;

/// <summary>
/// A full poll cycle of 120 services against a local Kestrel upstream serving a recorded Statuspage summary.
/// Baseline: the same 120 GETs through a bare HttpClient with the same concurrency, bodies read, nothing parsed.
/// </summary>
public class PollCycleBenchmarks
{
    private const int Concurrency = 20;
    private LocalUpstream _upstream = null!;
    private ServiceProvider _engine = null!;
    private ServicePoller _poller = null!;
    private IReadOnlyList<ServiceDefinition> _services = null!;
    private readonly HttpClient _bare = new();

    [Params(120)]
    public int Services { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var payload = RepositoryPaths.Fixture("statuspage/github-summary-2026-07-24-major.json");
        _upstream = await LocalUpstream.StartAsync(payload);
        var settings = new Dictionary<string, string?> { ["StatusBoard:MaxConcurrentRequests"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 0; i < Services; i++)
        {
            var prefix = $"StatusBoard:Services:{i}:";
            settings[prefix + "id"] = $"svc{i:000}";
            settings[prefix + "name"] = $"Service {i}";
            settings[prefix + "category"] = "Bench";
            settings[prefix + "provider"] = "statuspage";
            settings[prefix + "url"] = _upstream.SummaryUrl($"svc{i:000}");
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _engine = new ServiceCollection()
            .AddLogging()
            .AddStatusBoardCore(configuration)
            .BuildServiceProvider();
        _poller = _engine.GetRequiredService<ServicePoller>();
        _services = _engine.GetRequiredService<IOptions<CatalogOptions>>().Value.Services;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _engine.DisposeAsync();
        await _upstream.DisposeAsync();
        _bare.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task BareHttpGets()
    {
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(_services.Select(async s =>
        {
            await gate.WaitAsync();
            try
            {
                await _bare.GetByteArrayAsync(s.Url);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    [Benchmark]
    public async Task FullPollCycle() =>
        await Task.WhenAll(_services.Select(s => _poller.PollAsync(s, CancellationToken.None)));
}

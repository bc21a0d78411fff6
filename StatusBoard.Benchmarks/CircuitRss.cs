using System.Globalization;
using Microsoft.Playwright;

namespace StatusBoard.Benchmarks;

/// <summary>
/// What an operator pays per dashboard: the resident set (RSS) of the published server process, as its own process,
/// with 0, then more and more open boards (headless Chromium pages). Printed per step: RSS (median of five samples a
/// second apart, after the step settled), the GC's committed memory and the managed heap the runtime reports in /metrics, and the growth per circuit.
/// </summary>
public static class CircuitRss
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int services, int[] steps)
    {
        await using var upstream = await LocalUpstream.StartAsync(RepositoryPaths.Fixture("statuspage/github-summary-2026-07-24-major.json"));
        var (catalog, dataDirectory) = await BoardData.WriteAsync(upstream, services);
        await using var server = await PublishedServer.StartAsync(catalog, dataDirectory);
        Console.WriteLine($"server pid {server.ProcessId}; GC variables: {string.Join(' ', Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && (k.Contains("GC", StringComparison.OrdinalIgnoreCase) || k.Contains("Tiered", StringComparison.Ordinal))).Order().Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"))}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Boards.LaunchAsync(playwright);
        // Warm up: one board opened and closed, so first-use costs (JIT, caches, the first poll round) are not charged to circuits.
        var warm = await browser.NewPageAsync();
        await warm.GotoAsync(server.Url, new PageGotoOptions { Timeout = 120_000 });
        await warm.Locator("[data-interactive=true] [data-service-id]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        await warm.GotoAsync("about:blank"); // pagehide: blazor.web.js ends the circuit
        await warm.CloseAsync();
        await WaitForCircuitsAsync(server, 0);

        var opened = new List<IPage>();
        var rows = new List<(int Boards, long Rss, double Heap, double Committed)>();
        foreach (var boards in steps)
        {
            await Boards.OpenAsync(browser, server.Url, opened, boards - opened.Count);
            await WaitForCircuitsAsync(server, boards);
            await Task.Delay(Settle);
            var rss = await MedianRssAsync(server);
            var heap = await server.MetricAsync("dotnet_total_memory_bytes");
            var committed = await server.MetricAsync("system_runtime_dotnet_gc_last_collection_memory_committed_size");
            rows.Add((boards, rss, heap, committed));
            Console.WriteLine($"{boards,4} boards: RSS {Mib(rss):0.0} MiB, GC committed {Mib(committed):0.0} MiB (the rest is native: code, stacks, SQLite, Kestrel's pool), " +
                $"managed heap {Mib(heap):0.0} MiB, gen0/1/2 GCs {await server.MetricAsync("system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen0\"}")}/" +
                $"{await server.MetricAsync("system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen1\"}")}/{await server.MetricAsync("system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen2\"}")}");
        }

        for (var i = 1; i < rows.Count; i++)
        {
            var (from, to) = (rows[i - 1], rows[i]);
            var circuits = to.Boards - from.Boards;
            Console.WriteLine($"circuits {from.Boards + 1}-{to.Boards}: RSS +{Mib(to.Rss - from.Rss):0.0} MiB = {Mib(to.Rss - from.Rss) / circuits:0.00} MiB per circuit " +
                $"(GC committed {Mib(to.Committed - from.Committed) / circuits:0.00}, managed heap {Mib(to.Heap - from.Heap) / circuits:0.00} MiB per circuit)");
        }
        File.Delete(catalog);
    }

    private static async Task<long> MedianRssAsync(PublishedServer server)
    {
        var samples = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(server.Rss());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return samples.Order().ElementAt(samples.Count / 2);
    }

    private static Task WaitForCircuitsAsync(PublishedServer server, int count) =>
        Waiting.UntilAsync(async () => await server.MetricAsync("statusboard_live_circuits") == count,
            string.Create(CultureInfo.InvariantCulture, $"{count} live circuits"));

    private static double Mib(double bytes) => bytes / (1024 * 1024);
}

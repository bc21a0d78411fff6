using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StatusBoard.Web.Circuits;

namespace StatusBoard.Benchmarks;

/// <summary>
/// Server memory per live dashboard circuit: StatusBoard runs in this process on real Kestrel, N headless Chromium
/// pages (separate processes) open the full board, and the managed heap after a full GC is compared with and
/// without them. The working-set delta is printed too (an upper bound: the GC keeps freed segments).
/// </summary>
public static class CircuitMemory
{
    public static async Task RunAsync(int pages, int services)
    {
        await using var upstream = await LocalUpstream.StartAsync(RepositoryPaths.Fixture("statuspage/github-summary-2026-07-24-major.json"));
        var (catalog, dataDirectory) = await BoardData.WriteAsync(upstream, services);
        await using var app = new BoardHost(catalog, dataDirectory);
        app.UseKestrel(0);
        app.StartServer();
        var url = app.ClientOptions.BaseAddress.ToString();
        var counter = app.Services.GetRequiredService<CircuitCounter>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Boards.LaunchAsync(playwright);

        // Warm up: one page opened and closed, so first-use costs (JIT, caches) are not charged to circuits.
        var warm = await browser.NewPageAsync();
        warm.Response += (_, response) => { if (response.Status >= 400) Console.WriteLine($"browser: {response.Status} {response.Url}"); };
        await warm.GotoAsync(url);
        await WaitForAsync(() => counter.Live == 1);
        // Navigating away (pagehide) makes blazor.web.js end the circuit; closing the page alone did not always.
        await warm.Locator("[data-interactive=true] [data-service-id]").First.WaitForAsync();
        await warm.GotoAsync("about:blank");
        Console.WriteLine("warm-up circuit open; closing it");
        await warm.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await WaitForAsync(() => counter.Live == 0);

        var (heap0, ws0) = Measure();
        using var rentTrace = Environment.GetEnvironmentVariable("STATUSBOARD_RENT_TRACE") is { Length: > 0 } ? new RentTrace() : null;
        await PauseForDumpAsync("0 circuits");
        // Two halves: the average from zero includes the buffers the shared ArrayPool keeps after the first render
        // batches (bounded by the pool, not growing with circuits); the second half's slope is what one more costs.
        var opened = new List<IPage>();
        var half = pages / 2;
        await Boards.OpenAsync(browser, url, opened, half);
        await WaitForAsync(() => counter.Live == half);
        var (heapHalf, _) = Measure();
        await Boards.OpenAsync(browser, url, opened, pages - half);
        await WaitForAsync(() => counter.Live == pages);
        var (heap1, ws1) = Measure();
        await PauseForDumpAsync($"{pages} circuits");

        // Steady state: the shared ArrayPool drops buffers unused for 60 s at the next full GCs; what stays is
        // what the live circuits themselves hold.
        await Task.Delay(TimeSpan.FromSeconds(65));
        Measure();
        var (heapSteady, _) = Measure();
        await PauseForDumpAsync("steady state");

        Console.WriteLine($"circuits: {counter.Live} live, {services} services on the board");
        Console.WriteLine($"managed heap: {heap0 / 1024} kB before, {heapHalf / 1024} kB with {half}, {heap1 / 1024} kB with {pages} circuits");
        Console.WriteLine($"working set: {ws0 / 1024} kB before, {ws1 / 1024} kB with {pages} circuits -> {(ws1 - ws0) / pages / 1024} kB per circuit (upper bound)");
        Console.WriteLine($"average from zero (managed heap after full GC, incl. pooled render buffers): {(heap1 - heap0) / pages / 1024} kB per circuit");
        Console.WriteLine($"server memory per additional circuit (circuits {half + 1}-{pages}, managed heap after full GC): {(heap1 - heapHalf) / (pages - half) / 1024} kB");
        Console.WriteLine($"steady state, 65 s later (pooled buffers trimmed): {heapSteady / 1024} kB -> server memory per live circuit: {(heapSteady - heap0) / pages / 1024} kB");
        File.Delete(catalog);
        rentTrace?.Print();
    }

    /// <summary>
    /// With STATUSBOARD_PAUSE_FOR_DUMP=/some/file set, waits (before and after opening the circuits) until that file
    /// appears, then deletes it, so a <c>dotnet-gcdump collect -p PID</c> can be taken at that point.
    /// </summary>
    private static async Task PauseForDumpAsync(string label)
    {
        if (Environment.GetEnvironmentVariable("STATUSBOARD_PAUSE_FOR_DUMP") is not { Length: > 0 } signal)
        {
            return;
        }
        Console.WriteLine($"paused at {label}, pid {Environment.ProcessId}: take a dump, then create {signal}");
        while (!File.Exists(signal))
        {
            await Task.Delay(200);
        }
        File.Delete(signal);
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("circuits did not reach the expected count");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The real Program.cs on a given catalog.</summary>
    private sealed class BoardHost(string catalog, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development"); // Static web assets (MudBlazor, app.css) resolve from the build output.
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StatusBoard:CatalogFile"] = catalog,
                ["StatusBoard:MaxCircuits"] = "100000",
                ["StatusBoard:DataDirectory"] = dataDirectory,
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        }
    }
}

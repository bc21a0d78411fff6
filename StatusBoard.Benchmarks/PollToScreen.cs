using System.Text.Json;
using Microsoft.Playwright;

namespace StatusBoard.Benchmarks;

/// <summary>
/// Detection latency as a viewer sees it: every page of the simulated upstream flips (operational → minor incident,
/// then back), one at a time over a minute, and a MutationObserver in each open board notes when each tile's data-level changed
/// (performance.timeOrigin-based, the same wall clock as the flip). Prints p50/p99/max of its flip → tile over
/// every (board, service), and of the part after the poll (the service's lastChangedAt → tile).
/// </summary>
public static class PollToScreen
{
    // Records, per service id, the tile's current level and when it became that.
    private const string Observer = """
        window.__tiles = {};
        const scan = () => {
          const t = performance.timeOrigin + performance.now();
          for (const el of document.querySelectorAll('[data-service-id][data-level]')) {
            const id = el.getAttribute('data-service-id'), level = el.getAttribute('data-level');
            const seen = window.__tiles[id];
            if (!seen || seen.level !== level) window.__tiles[id] = { level, t };
          }
        };
        new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-level'] });
        """;

    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(int[] boardCounts, int services)
    {
        await using var upstream = await SimulatedUpstream.StartAsync();
        var (catalog, ids) = await upstream.WriteCatalogAsync(services);
        // The simulated pages share one host; real status pages do not. Open the per-host gate so the run measures
        // the incident interval and the push to the screen, not 120 pages queued behind one host's 100 ms spacing.
        await using var server = await PublishedServer.StartAsync(catalog, Path.Combine(Path.GetTempPath(), $"statusboard-pts-{Guid.NewGuid():N}"),
            "--StatusBoard:MaxRequestsPerHost=100", "--StatusBoard:HostSpacing=00:00:00");
        await Waiting.UntilAsync(async () => (await LevelsAsync(server)).Values.Count(l => l.Level == "operational") == services, $"{services} operational services");
        Console.WriteLine($"server pid {server.ProcessId}; {services} services, poll interval 60 s, IncidentPollInterval 20 s (defaults)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Boards.LaunchAsync(playwright);
        var opened = new List<IPage>();
        foreach (var boards in boardCounts)
        {
            await Boards.OpenAsync(browser, server.Url, opened, boards - opened.Count, Observer);
            await FlipAsync(upstream, server, opened, ids, "minor", level => level != "operational", $"{boards} boards, operational -> incident");
            await FlipAsync(upstream, server, opened, ids, "none", level => level == "operational", $"{boards} boards, incident -> recovered");
        }
        File.Delete(catalog);
    }

    private static async Task FlipAsync(SimulatedUpstream upstream, PublishedServer server, List<IPage> pages, string[] ids, string indicator,
        Func<string, bool> arrived, string label)
    {
        // One service at a time, spread over a minute: each flip lands at its own phase of that service's poll
        // cycle (flipping all at once would sample a single phase of polls that started together).
        var flippedAt = new Dictionary<string, double>();
        var spacing = Spread / ids.Length;
        foreach (var id in ids.OrderBy(_ => Random.Shared.Next()))
        {
            flippedAt[id] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await upstream.SetAsync([id], indicator);
            await Task.Delay(spacing);
        }
        var seen = new Dictionary<IPage, Dictionary<string, Tile>>();
        await Waiting.UntilAsync(async () =>
        {
            foreach (var page in pages.Where(p => !seen.ContainsKey(p)))
            {
                var tiles = JsonSerializer.Deserialize<Dictionary<string, Tile>>(await page.EvaluateAsync<string>("JSON.stringify(window.__tiles)"), s_json)!;
                if (ids.All(id => tiles.TryGetValue(id, out var tile) && arrived(tile.Level) && tile.T >= flippedAt[id]))
                {
                    seen[page] = tiles;
                }
            }
            return seen.Count == pages.Count;
        }, label, TimeSpan.FromMinutes(6));
        var changedAt = await LevelsAsync(server);
        var toScreen = seen.Values.SelectMany(t => ids.Select(id => t[id].T - flippedAt[id])).Order().ToArray();
        var pushed = seen.Values.SelectMany(t => ids.Select(id => t[id].T - changedAt[id].ChangedAt)).Order().ToArray();
        Console.WriteLine($"{label}: flip -> tile p50 {P(toScreen, 0.5) / 1000:0.0} s, p99 {P(toScreen, 0.99) / 1000:0.0} s, max {toScreen[^1] / 1000:0.0} s; " +
            $"poll -> tile p50 {P(pushed, 0.5):0} ms, p99 {P(pushed, 0.99):0} ms ({toScreen.Length} tiles)");
    }

    private static async Task<Dictionary<string, (string Level, double ChangedAt)>> LevelsAsync(PublishedServer server)
    {
        using var json = JsonDocument.Parse(await server.TryGetAsync("/api/status") ?? "{\"services\":[]}");
        return json.RootElement.GetProperty("services").EnumerateArray().ToDictionary(
            s => s.GetProperty("id").GetString()!,
            s => (s.GetProperty("status").GetString()!,
                s.TryGetProperty("lastChangedAt", out var at) && at.ValueKind == JsonValueKind.String ? (double)at.GetDateTimeOffset().ToUnixTimeMilliseconds() : double.NaN));
    }

    private static double P(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private sealed record Tile(string Level, double T);
}

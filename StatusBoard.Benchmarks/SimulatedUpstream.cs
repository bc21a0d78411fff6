using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StatusBoard.Benchmarks;

/// <summary>
/// ../shared/bench/upstream (Go): N Statuspage-shaped pages whose indicator is flipped over <c>/admin/set</c>.
/// Built with <c>go build</c> and started on a free loopback port.
/// </summary>
public sealed class SimulatedUpstream : IAsyncDisposable
{
    private static readonly HttpClient s_http = new();
    private readonly Process _process;

    private SimulatedUpstream(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<SimulatedUpstream> StartAsync()
    {
        var source = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "bench", "upstream"));
        var binary = Path.Combine(Path.GetTempPath(), $"statusboard-upstream-{Guid.NewGuid():N}");
        using (var build = Process.Start(new ProcessStartInfo("go") { WorkingDirectory = source, ArgumentList = { "build", "-o", binary, "." } })
            ?? throw new InvalidOperationException("go did not start"))
        {
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"go build in {source} failed");
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo(binary) { ArgumentList = { "-addr", address }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("the upstream did not start");
        var upstream = new SimulatedUpstream(process, $"http://{address}");
        await Waiting.UntilAsync(async () => await upstream.TryAdminAsync("hits"), "the upstream to answer /admin/hits");
        return upstream;
    }

    /// <summary>The catalog file (StatusBoard's shape) of services svc000…, written to a temp file.</summary>
    public async Task<(string Path, string[] Ids)> WriteCatalogAsync(int services)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"statusboard-poll-to-screen-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await s_http.GetStringAsync($"{Url}/admin/catalog?n={services}&base={Url}"));
        return (path, [.. Enumerable.Range(0, services).Select(i => $"svc{i:000}")]);
    }

    /// <summary>Sets every page's indicator (none, minor, major, critical) in one request.</summary>
    public Task SetAsync(IEnumerable<string> ids, string indicator) =>
        s_http.GetStringAsync($"{Url}/admin/set?id={string.Join(',', ids)}&indicator={indicator}");

    private async Task<bool> TryAdminAsync(string what)
    {
        try
        {
            await s_http.GetStringAsync($"{Url}/admin/{what}");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace StatusBoard.Benchmarks;

/// <summary>
/// StatusBoard.Web as an operator runs it: published in Release and started as its own process (its own
/// runtimeconfig.json, so the GC settings in StatusBoard.Web.csproj apply; DOTNET_* variables of this process reach
/// it too), on a free loopback port. Reads its resident set from /proc and its gauges from /metrics.
/// </summary>
public sealed partial class PublishedServer : IAsyncDisposable
{
    private static readonly HttpClient s_http = new();
    private readonly Process _process;

    private PublishedServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>Publishes the app (or takes STATUSBOARD_SERVER_DIR, a folder published before) and starts it; <paramref name="settings"/> are extra <c>--Key=value</c> arguments.</summary>
    public static async Task<PublishedServer> StartAsync(string catalog, string dataDirectory, params string[] settings)
    {
        var folder = Environment.GetEnvironmentVariable("STATUSBOARD_SERVER_DIR") is { Length: > 0 } given ? given : await PublishAsync();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "StatusBoard.Web.dll", "--urls", url,
                $"--StatusBoard:CatalogFile={catalog}", $"--StatusBoard:DataDirectory={dataDirectory}",
                "--StatusBoard:MaxCircuits=100000", "--Logging:LogLevel:Default=Warning",
            },
        };
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.WriteLine($"server: {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.WriteLine($"server: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PublishedServer(process, url);
        await Waiting.UntilAsync(async () => await server.TryGetAsync("/api/status") is not null, "the server to answer /api/status");
        return server;
    }

    /// <summary>Resident set size of the server process (VmRSS), in bytes.</summary>
    public long Rss()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(RssKilobytes().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A gauge's value from /metrics (the first series of that name).</summary>
    public async Task<double> MetricAsync(string name)
    {
        var text = await TryGetAsync("/metrics") ?? "";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length && l[name.Length] is ' ' or '{');
        return line is null ? double.NaN : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    public async Task<string?> TryGetAsync(string path)
    {
        try
        {
            return await s_http.GetStringAsync(Url + path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"statusboard-published-{Guid.NewGuid():N}");
        Console.WriteLine($"publishing StatusBoard.Web (Release) to {folder}");
        using var publish = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(RepositoryPaths.Root, "StatusBoard.Web"), "-c", "Release", "-o", folder, "-v", "q", "-nologo" },
        }) ?? throw new InvalidOperationException("dotnet publish did not start");
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? folder : throw new InvalidOperationException("dotnet publish failed");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex RssKilobytes();

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

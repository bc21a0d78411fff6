using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// Debian's nginx running <c>deploy/nginx.conf</c> (through <c>deploy/local-nginx.sh</c>: the same file, its server
/// lines pointed at three local nodes) on a free loopback port, with its access log (which node served what) readable.
/// </summary>
public sealed class ClusterNginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ClusterNginx(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts nginx in front of <paramref name="nodes"/> (exactly three); it has passed <c>nginx -t</c> when this returns a process.</summary>
    public static ClusterNginx Start(IReadOnlyList<ClusterNode> nodes)
    {
        var directory = TestData.NewDirectory();
        var port = FreePort();
        var script = Path.Combine(Fixtures.RepositoryRoot, "deploy", "local-nginx.sh");
        var start = new ProcessStartInfo("bash", [script, directory, port.ToString(CultureInfo.InvariantCulture),
            .. nodes.Select(n => n.BaseAddress.Port.ToString(CultureInfo.InvariantCulture))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        return new ClusterNginx(process, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>What nginx printed (a failed <c>nginx -t</c> says why here) and its error log.</summary>
    public string Output() =>
        (_process.HasExited ? _process.StandardError.ReadToEnd() : "") + ReadIfExists("error.log");

    /// <summary>The upstream (node address) of each request whose line contains <paramref name="request"/>, oldest first.</summary>
    public IReadOnlyList<string> UpstreamsOf(string request) =>
        [.. ReadIfExists("access.log").Split('\n').Where(l => l.Contains(request, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("upstream=", StringComparison.Ordinal) + "upstream=".Length)..].Split(' ')[0])];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private string ReadIfExists(string file)
    {
        var path = Path.Combine(_directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// The real app (StatusBoard.Web.dll) as a child process on loopback, with command-line settings, its output kept
/// (last 200 lines) for failure messages. <see cref="Kill"/> is SIGKILL on Linux: no shutdown, no last flush.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StatusBoard.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
    }

    /// <summary>Raised for every line the app prints (on the reader's thread).</summary>
    public event Action<string>? Line;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app with <paramref name="settings"/> (<c>--Key=value</c> each).</summary>
    public static AppProcess Start(IEnumerable<string> settings, Action<string>? onLine = null)
    {
        var app = new AppProcess(settings);
        if (onLine is not null)
        {
            app.Line += onLine;
        }
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>
    /// Runs the app with exactly <paramref name="arguments"/> until it exits on its own (a start-up that must fail),
    /// at most a minute: its exit code and everything it printed.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StatusBoard.Web.dll"), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Kills the process tree at once and waits until it is gone (and its output drained).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(bound.Token);
    }

    public string Tail()
    {
        var text = new StringBuilder();
        foreach (var line in _output.TakeLast(40))
        {
            text.AppendLine(line);
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
        Line?.Invoke(line);
    }
}

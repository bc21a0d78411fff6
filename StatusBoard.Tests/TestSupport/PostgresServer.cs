using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// A real PostgreSQL (Debian's package) for a test class: a fresh cluster in a temporary directory on a free loopback
/// port, trust authentication, no fsync. PostgreSQL refuses to run as root, so as root it runs as the package's
/// <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for a database of its own (created on first use by <see cref="CreateDatabaseAsync"/>).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=statusboard;Database={database};Pooling=true;Timeout=30";

    public static async Task<PostgresServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("statusboard-pg-").FullName;
        var server = new PostgresServer(directory, FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres", directory]);
        }
        await server.RunAsPostgresAsync("initdb", ["-D", server.DataDirectory, "-A", "trust", "-U", "statusboard", "--no-sync", "-E", "UTF8"]);
        await server.StartProcessAsync();
        return server;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Creates an empty database, so each test starts from nothing.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    private async Task StartProcessAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(PostgresStartInfo("postgres",
            ["-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _directory,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]))
            ?? throw new InvalidOperationException("postgres did not start (is the postgresql package installed?)");
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data?.Contains("ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }
        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine; // postgres logs to stderr
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task RunAsPostgresAsync(string program, string[] arguments)
    {
        using var process = Process.Start(PostgresStartInfo(program, arguments))!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await errors}");
        }
    }

    private static ProcessStartInfo PostgresStartInfo(string program, string[] arguments)
    {
        var path = Path.Combine(BinDirectory(), program);
        var info = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", path, .. arguments])
            : new ProcessStartInfo(path, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }

    /// <summary>Debian installs one versioned directory per major release: take the newest.</summary>
    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(Directory.Exists)
        ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin)");

    private static async Task RunAsync(string program, string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        await process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

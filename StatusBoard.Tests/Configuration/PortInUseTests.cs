using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Engine;
using Microsoft.Extensions.Logging;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web;

namespace StatusBoard.Tests.Configuration;

public sealed class PortInUseTests
{
    [Fact]
    public async Task PortInUse_OneLineNamingTheUrlAndHowToChoose_ExitOne_AndNothingPolled()
    {
        // Arrange: another program holds the port; the catalog points at a local upstream that counts requests.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/p/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("p", upstream.Url("/p/api/v2/summary.json"))]);
        var dataDirectory = TestData.NewDirectory();
        var builder = StatusBoardBuilder.Create([$"--urls=http://127.0.0.1:{port}", $"--StatusBoard:CatalogFile={catalog}",
            $"--StatusBoard:DataDirectory={dataDirectory}", "--StatusBoard:CanaryUrls:0=http://127.0.0.1:9/"]);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var error = new StringWriter();

        // Act
        var exitCode = await StartupGuard.RunAsync(app, TextWriter.Null, error);

        // Assert
        exitCode.Should().Be(1);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        lines[0].Should().Contain($"http://127.0.0.1:{port}").And.Contain("already in use").And.Contain("--urls");
        upstream.Hits("/p/api/v2/summary.json").Should().Be(0, "nothing is polled before the server listens");
        app.Services.GetRequiredService<StatusEngine>().ExecuteTask.Should().BeNull("the engine never started polling");
        TransitionRows(Path.Combine(dataDirectory, "statusboard.db")).Should().Be(0,
            "a run that never listened writes no 'stopped' rows into a history another StatusBoard may own");
    }

    [Fact]
    public async Task PortInUse_TheRealProcess_PrintsTheMessage_NotTheHostsStackTrace()
    {
        // Arrange: what a newcomer meets when another program has port 5080: the process as `dotnet run` starts it.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var catalog = TestCatalog.Write([new TestCatalog.Entry("p", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]);

        // Act
        var (exitCode, stdout, stderr) = await AppProcess.RunToExitAsync(
            [$"--urls=http://127.0.0.1:{port}", $"--StatusBoard:CatalogFile={catalog}", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}"],
            TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(1);
        var output = stdout + stderr;
        output.Should().Contain($"StatusBoard cannot listen on http://127.0.0.1:{port}");
        output.Should().NotContain("   at ", "the reason is one line, not the host's stack trace");
        output.Should().NotContain("Hosting failed to start");
    }

    private static long TransitionRows(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM transitions";
        return (long)count.ExecuteScalar()!;
    }
}

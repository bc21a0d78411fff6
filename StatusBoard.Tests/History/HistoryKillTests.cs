using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.History;

/// <summary>
/// The real app as a child process, killed with SIGKILL while it writes history: WAL keeps the file intact and
/// every batch it reported as committed is in it.
/// </summary>
public sealed partial class HistoryKillTests
{
    private const int Services = 10;
    private const int BatchesBeforeKill = 12;

    [GeneratedRegex(@"History batch (\d+) committed: (\d+) transitions")]
    private static partial Regex CommittedLine();

    [Fact]
    public async Task Sigkill_WhileWriting_DatabaseIntact_AndEveryLoggedBatchIsThere()
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        overall.CancelAfter(TimeSpan.FromSeconds(60));
        await using var upstream = await FakeUpstream.StartAsync();
        string[] indicators = ["none", "minor", "major", "critical"];
        for (var i = 0; i < Services; i++)
        {
            upstream.Set($"/k{i}/api/v2/summary.json", StatuspageJson.Summary(indicators[i % indicators.Length]));
        }
        var catalog = TestCatalog.WriteRaw(JsonSerializer.Serialize(Enumerable.Range(0, Services).Select(i => new Dictionary<string, string>
        {
            ["id"] = $"k{i}",
            ["name"] = $"K {i}",
            ["category"] = "Kill",
            ["provider"] = "statuspage",
            ["url"] = upstream.Url($"/k{i}/api/v2/summary.json").ToString(),
            ["interval"] = "00:00:00.200",
        })));
        var dataDirectory = TestData.NewDirectory();

        var committed = new ConcurrentQueue<(long Batch, int Transitions)>();
        var batchesWithTransitions = 0;
        var enoughCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "StatusBoard.Web.dll"),
            "--urls", "http://127.0.0.1:0",
            $"--StatusBoard:CatalogFile={catalog}",
            $"--StatusBoard:DataDirectory={dataDirectory}",
            "--StatusBoard:History:FlushInterval=00:00:00.050",
            "--StatusBoard:CanaryUrls:0=http://127.0.0.1:9/",
            "--StatusBoard:HostSpacing=00:00:00",
            "--StatusBoard:MaxRequestsPerHost=100",
            "--StatusBoard:PublishDelay=00:00:00",
            "--Logging:LogLevel:StatusBoard.Core.History=Debug",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) => Collect(e.Data);
        child.ErrorDataReceived += (_, e) => Collect(e.Data);
        using var flipping = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
        var flipper = Task.CompletedTask;
        try
        {
            child.Start();
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();

            // Keep every page changing (real time: the child polls on its real clock every 200 ms). A pace, not a wait.
            flipper = Task.Run(async () =>
            {
                for (var round = 1; !flipping.Token.IsCancellationRequested; round++)
                {
                    for (var i = 0; i < Services; i++)
                    {
                        upstream.Set($"/k{i}/api/v2/summary.json", StatuspageJson.Summary(indicators[(i + round) % indicators.Length]));
                    }
                    await Task.Delay(100, flipping.Token);
                }
            }, flipping.Token);

            // Wait (bounded) until enough batches with transitions were reported committed, as the child's output
            // says them; then kill at once, mid-writing.
            var exited = child.WaitForExitAsync(overall.Token);
            await Task.WhenAny(enoughCommitted.Task, exited).WaitAsync(overall.Token);
            child.HasExited.Should().BeFalse("the app must keep running; output:\n" + Tail(output));
            child.Kill(entireProcessTree: true); // SIGKILL on Linux: no StopAsync, no last flush
            await child.WaitForExitAsync(overall.Token); // also drains what it printed before dying
        }
        finally
        {
            await flipping.CancelAsync();
            await flipper.ContinueWith(_ => { }, TaskScheduler.Default);
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }

        // Assert: it did not get to shut down cleanly (killed), the file is intact, and every reported batch is in it.
        child.ExitCode.Should().NotBe(0);
        var reported = committed.ToArray();
        reported.Select(c => c.Batch).Should().OnlyHaveUniqueItems();
        var reportedTransitions = reported.Sum(c => (long)c.Transitions);
        reportedTransitions.Should().BeGreaterThan(0);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "statusboard.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        Scalar(connection, "PRAGMA integrity_check").Should().Be("ok");
        Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM transitions"), CultureInfo.InvariantCulture)
            .Should().BeGreaterThanOrEqualTo(reportedTransitions, $"{reported.Length} batches were reported committed");
        Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM transitions WHERE reason = 'StatusBoard stopped'"), CultureInfo.InvariantCulture)
            .Should().Be(0, "a killed process writes no last words");
        Convert.ToInt64(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            output.Enqueue(line);
            while (output.Count > 200)
            {
                output.TryDequeue(out _);
            }
            if (CommittedLine().Match(line) is { Success: true } match)
            {
                var transitions = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                committed.Enqueue((long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), transitions));
                if (transitions > 0 && Interlocked.Increment(ref batchesWithTransitions) >= BatchesBeforeKill)
                {
                    enoughCommitted.TrySetResult();
                }
            }
        }
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Tail(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.TakeLast(40))
        {
            text.AppendLine(line);
        }
        return text.ToString();
    }
}

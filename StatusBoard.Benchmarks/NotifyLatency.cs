using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Benchmarks;

/// <summary>
/// <c>-- notify-latency [samples] [routes]</c>: the time from a change published in the store to its outbox row being
/// committed (change feed → rules → history batch → SQLite transaction), with no hold and no group window, so what is
/// measured is the pipeline and not the configured waits.
/// </summary>
public static class NotifyLatency
{
    public static async Task RunAsync(int samples, int routes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "statusboard-notify-latency-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["StatusBoard:DataDirectory"] = directory,
            ["StatusBoard:PublishDelay"] = "00:00:00",
            ["StatusBoard:History:FlushInterval"] = "00:00:00.001",
            ["StatusBoard:Notifications:HoldFor"] = "00:00:00",
            ["StatusBoard:Notifications:GroupWindow"] = "00:00:00",
            ["StatusBoard:Services:0:id"] = "svc",
            ["StatusBoard:Services:0:name"] = "Service",
            ["StatusBoard:Services:0:provider"] = "statuspage",
            ["StatusBoard:Services:0:url"] = "http://127.0.0.1:9/summary.json",
        };
        for (var i = 0; i < routes; i++)
        {
            settings[$"StatusBoard:Notifications:Routes:{i}:name"] = $"route{i}";
            settings[$"StatusBoard:Notifications:Routes:{i}:channel"] = "slack";
        }
        await using var provider = new ServiceCollection().AddLogging()
            .AddStatusBoardCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        var store = provider.GetRequiredService<SnapshotStore>();
        var recorder = provider.GetRequiredService<HistoryRecorder>();
        await recorder.StartAsync(CancellationToken.None);
        await recorder.StartedAsync(CancellationToken.None);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        recorder.Committed += batch =>
        {
            if (batch.Outbox.Count > 0)
            {
                committed.TrySetResult();
            }
        };
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var previous = store.Current.Find("svc")!;
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            store.Apply(previous with
            {
                Status = i % 2 == 0 ? StatusLevel.MajorOutage : StatusLevel.Operational, CheckedAt = now, LastChangedAt = now, Error = null,
            });
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        await recorder.StopAsync(CancellationToken.None);
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"change → outbox row committed, {samples} samples, {routes} routes: p50 {times[times.Count / 2]:F2} ms, p99 {times[(int)Math.Ceiling(times.Count * 0.99) - 1]:F2} ms"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // pooled connections hold the file open
        Directory.Delete(directory, recursive: true);
    }
}

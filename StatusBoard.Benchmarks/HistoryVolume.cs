using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Benchmarks;

/// <summary>
/// <c>-- history [services] [days]</c>: the history database after months of typical churn, and what a poll
/// cycle's write costs. Churn per service and day (seeded, so runs compare): on average 0.3 incidents (a level
/// change and back, four updates of ~200 characters each, the incident stored at each update) and one short
/// "unknown" blip (a failed fetch and back). Every change is written the way the recorder writes it: one
/// transaction per flush. The baseline is the same rows written one transaction per row (no batching).
/// </summary>
public static class HistoryVolume
{
    public static void Run(int services, int days)
    {
        var directory = Path.Combine(Path.GetTempPath(), "statusboard-history-bench", Guid.NewGuid().ToString("N"));
        var database = new HistoryDatabase(Options.Create(new CatalogOptions { DataDirectory = directory }), Options.Create(new HistoryOptions()));
        var writer = new HistoryWriter(database);
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, services).Select(i => $"service-{i:000}").ToArray();

        // Group every event by the minute (one poll cycle) it happens in: that is one flush of the recorder.
        var cycles = new SortedDictionary<long, HistoryBatch>();
        HistoryBatch At(DateTimeOffset at) =>
            cycles.TryGetValue(at.ToUnixTimeSeconds() / 60, out var b) ? b : cycles[at.ToUnixTimeSeconds() / 60] = new HistoryBatch();
        long rows = 0;
        foreach (var id in ids)
        {
            At(start).Transitions.Add(new LevelTransition(id, start, StatusLevel.Unknown, StatusLevel.Operational, null));
            At(start).Statuses[id] = Status(id, StatusLevel.Operational, start);
            for (var day = 0; day < days; day++)
            {
                var dayStart = start.AddDays(day);
                var blip = dayStart.AddMinutes(random.Next(1440 - 5));
                At(blip).Transitions.Add(new LevelTransition(id, blip, StatusLevel.Operational, StatusLevel.Unknown, "Timed out after 5 s"));
                At(blip.AddMinutes(2)).Transitions.Add(new LevelTransition(id, blip.AddMinutes(2), StatusLevel.Unknown, StatusLevel.Operational, null));
                At(blip).Statuses[id] = Status(id, StatusLevel.Unknown, blip);
                At(blip.AddMinutes(2)).Statuses[id] = Status(id, StatusLevel.Operational, blip.AddMinutes(2));
                rows += 4;
                if (random.NextDouble() < 0.3)
                {
                    rows += AddIncident(id, $"{id}-{day}", dayStart.AddMinutes(random.Next(1200)), random, At);
                }
            }
        }

        var batched = Stopwatch.StartNew();
        foreach (var (minute, batch) in cycles)
        {
            writer.Write(batch, DateTimeOffset.FromUnixTimeSeconds(minute * 60));
        }
        batched.Stop();
        using (var connection = database.Open())
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        var size = new FileInfo(database.FilePath).Length;
        var perCycle = batched.Elapsed.TotalMilliseconds / cycles.Count;

        // Baseline: the naive design that stores every poll (one row per service per cycle), 1,000 cycles.
        var sizeBefore = new FileInfo(database.FilePath).Length + WalSize(database);
        var naive = Stopwatch.StartNew();
        for (var cycle = 0; cycle < 1000; cycle++)
        {
            var every = new HistoryBatch();
            var when = start.AddMinutes(cycle);
            every.Transitions.AddRange(ids.Select(id => new LevelTransition(id + "-naive", when, StatusLevel.Operational, StatusLevel.Operational, null)));
            writer.Write(every, when);
        }
        naive.Stop();
        var naiveBytesPerCycle = (new FileInfo(database.FilePath).Length + WalSize(database) - sizeBefore) / 1000.0;
        var minutes = days * 1440.0;
        var ours = batched.Elapsed.TotalMilliseconds / minutes;
        var theirs = naive.Elapsed.TotalMilliseconds / 1000;

        // A bad minute: our own network fails and every service turns unknown in one cycle.
        var storm = new HistoryBatch();
        foreach (var id in ids)
        {
            storm.Transitions.Add(new LevelTransition(id, start.AddDays(days), StatusLevel.Operational, StatusLevel.Unknown, "Connection refused"));
            storm.Statuses[id] = Status(id, StatusLevel.Unknown, start.AddDays(days));
        }
        var stormTime = Stopwatch.StartNew();
        writer.Write(storm, start.AddDays(days));
        stormTime.Stop();

        Console.WriteLine($"simulated: {services} services x {days} days, {rows:N0} stored changes in {cycles.Count:N0} poll cycles with a change");
        Console.WriteLine($"database: {size / 1024.0 / 1024.0:0.00} MB ({size / (double)services / days:0} bytes per service-day)");
        Console.WriteLine($"write per poll cycle with a change (one transaction): {perCycle:0.000} ms mean; cycles without a change write nothing");
        Console.WriteLine($"every service changing in one cycle ({services} transitions + {services} statuses): {stormTime.Elapsed.TotalMilliseconds:0.0} ms");
        Console.WriteLine($"baseline, storing every poll: {theirs:0.000} ms and ~{naiveBytesPerCycle * minutes / 1024 / 1024:0} MB over {days} days (1-minute polls)");
        Console.WriteLine($"write cost per poll cycle averaged over every minute of {days} days: {ours:0.0000} ms vs {theirs:0.000} ms storing every poll -> {theirs / ours:0}x cheaper");
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static long WalSize(HistoryDatabase database) =>
        File.Exists(database.FilePath + "-wal") ? new FileInfo(database.FilePath + "-wal").Length : 0;

    private static int AddIncident(string id, string incidentId, DateTimeOffset begin, Random random, Func<DateTimeOffset, HistoryBatch> at)
    {
        var level = random.NextDouble() < 0.7 ? StatusLevel.Degraded : StatusLevel.PartialOutage;
        var updates = new List<IncidentUpdate>();
        var statuses = new[] { "investigating", "identified", "monitoring", "resolved" };
        var rows = 0;
        for (var u = 0; u < statuses.Length; u++)
        {
            var when = begin.AddMinutes(u * 25);
            updates.Insert(0, new IncidentUpdate(when, statuses[u], new string('x', 180) + $" update {u}"));
            at(when).Incidents.Add(new IncidentRecord(id, incidentId, IncidentRecord.IncidentKind, "Elevated error rates on the API", statuses[u],
                level, begin, when, null, when, $"https://status.example.com/incidents/{incidentId}", updates.ToList()));
            rows++;
        }
        var end = begin.AddMinutes(statuses.Length * 25);
        at(begin).Transitions.Add(new LevelTransition(id, begin, StatusLevel.Operational, level, "Elevated error rates on the API"));
        at(end).Transitions.Add(new LevelTransition(id, end, level, StatusLevel.Operational, null));
        at(end).Resolutions.Add(new IncidentResolution(id, incidentId, end));
        at(begin).Statuses[id] = Status(id, level, begin);
        at(end).Statuses[id] = Status(id, StatusLevel.Operational, end);
        return rows + 5;
    }

    private static ServiceStatus Status(string id, StatusLevel level, DateTimeOffset at) =>
        new(id, id, "Cloud", level, level == StatusLevel.Operational ? "All Systems Operational" : "Elevated error rates", at, at, 120,
            level == StatusLevel.Unknown ? "Timed out after 5 s" : null, "https://status.example.com",
            [new ComponentStatus("api", "API", level), new ComponentStatus("web", "Website", StatusLevel.Operational)], [], []);
}

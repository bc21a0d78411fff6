using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Demo;

/// <summary>
/// Demo mode only, and only into the demo's own empty database (<c>&lt;DataDirectory&gt;/demo</c>): 90 invented days of
/// incidents, so the uptime bars, the tiles' 24-hour strips and the incident timeline have something to show on a
/// first run. Runs before any hosted service starts (before the recorder reads the history), seeded, so every demo
/// tells the same past. Real history is never touched.
/// </summary>
public sealed class DemoHistorySeeder(
    DemoCatalog demo,
    IOptions<CatalogOptions> catalog,
    HistoryReader reader,
    HistoryWriter writer,
    TimeProvider time) : IHostedLifecycleService
{
    public const int Days = 90;

    private static readonly StatusLevel[] s_impacts =
        [StatusLevel.Degraded, StatusLevel.Degraded, StatusLevel.Degraded, StatusLevel.PartialOutage, StatusLevel.MajorOutage];

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (demo.Enabled && reader.RecordedLevels().Count == 0)
        {
            var now = time.GetUtcNow();
            writer.Write(Invent(catalog.Value.Services.Select(s => s.Id), now), now);
        }
        return Task.CompletedTask;
    }

    /// <summary>Operational since 90 days ago with, per service and day, a one-in-eight chance of an incident.</summary>
    public static HistoryBatch Invent(IEnumerable<string> services, DateTimeOffset now)
    {
        var batch = new HistoryBatch();
        var start = now.AddDays(-Days);
        foreach (var service in services)
        {
            var random = new Random(StableHash(service) ^ DemoScript.DefaultSeed);
            batch.Transitions.Add(new LevelTransition(service, start, StatusLevel.Unknown, StatusLevel.Operational, null));
            for (var day = 0; day < Days; day++)
            {
                if (random.Next(8) != 0)
                {
                    continue;
                }
                var begin = start.AddDays(day).AddMinutes(random.Next(1200));
                var end = begin.AddMinutes(20 + random.Next(160));
                if (end > now.AddMinutes(-10))
                {
                    continue;
                }
                var impact = s_impacts[random.Next(s_impacts.Length)];
                var title = DemoScript.Titles[random.Next(DemoScript.Titles.Length)];
                var id = $"demo-{service}-{day}";
                IncidentUpdate[] updates =
                [
                    new(end, "resolved", "This incident has been resolved."),
                    new(begin.AddMinutes(10), "identified", "The issue has been identified and a fix is being implemented."),
                    new(begin, "investigating", $"We are investigating reports of {title.ToLowerInvariant()}."),
                ];
                batch.Transitions.Add(new LevelTransition(service, begin, StatusLevel.Operational, impact, title));
                batch.Transitions.Add(new LevelTransition(service, end, impact, StatusLevel.Operational, null));
                batch.Incidents.Add(new IncidentRecord(service, id, IncidentRecord.IncidentKind, title, "resolved", impact, begin, end, null, end,
                    null, updates));
                batch.Resolutions.Add(new IncidentResolution(service, id, end));
            }
        }
        return batch;
    }

    /// <summary>string.GetHashCode differs per process; the invented past must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }
        return hash;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

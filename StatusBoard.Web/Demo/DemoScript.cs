namespace StatusBoard.Web.Demo;

/// <summary>
/// The demo's scripted weather: which services have an incident, a maintenance or a broken status page at a
/// given moment. A pure function of the time and a fixed seed, so every run (and every test on a fake clock)
/// sees the same story: a couple of incidents start every two minutes, move through investigating, identified
/// and monitoring, and resolve after three to seven minutes.
/// </summary>
public sealed class DemoScript(IReadOnlyList<string> serviceIds, int seed = DemoScript.DefaultSeed)
{
    public const int DefaultSeed = 20261125;

    /// <summary>Every slot, <see cref="IncidentsPerSlot"/> new incidents start somewhere in it.</summary>
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(2);

    private const int IncidentsPerSlot = 2;
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromMinutes(7);
    private static readonly TimeSpan s_maintenanceBlock = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_outageBlock = TimeSpan.FromMinutes(6);
    private static readonly DateTimeOffset s_epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] s_impacts = ["minor", "minor", "major", "major", "critical"];
    /// <summary>Incident titles the demo uses (also for its invented past, see <see cref="DemoHistorySeeder"/>).</summary>
    internal static readonly string[] Titles =
    [
        "Elevated error rates", "Increased latency", "Degraded performance for some customers", "Delays in processing",
        "Partial outage of the API", "Login failures", "Webhook deliveries delayed", "Dashboard unavailable",
    ];

    /// <summary>The incidents active for <paramref name="serviceId"/> at <paramref name="now"/>.</summary>
    public IReadOnlyList<DemoIncident> IncidentsOf(string serviceId, DateTimeOffset now)
    {
        var result = new List<DemoIncident>();
        var current = SlotIndex(now);
        var lookBack = (long)Math.Ceiling(s_maxDuration / Slot);
        for (var slot = current - lookBack; slot <= current; slot++)
        {
            foreach (var incident in IncidentsStartingIn(slot))
            {
                if (incident.ServiceId == serviceId && incident.StartedAt <= now && now < incident.ResolvesAt)
                {
                    result.Add(incident);
                }
            }
        }
        return result;
    }

    /// <summary>The maintenance window of <paramref name="serviceId"/> at <paramref name="now"/>, if one is in progress.</summary>
    public (DateTimeOffset From, DateTimeOffset Until)? MaintenanceOf(string serviceId, DateTimeOffset now)
    {
        var block = (long)Math.Floor((now - s_epoch) / s_maintenanceBlock);
        var from = s_epoch + s_maintenanceBlock * block;
        var until = from + TimeSpan.FromMinutes(4);
        return Pick(block, 7919) == serviceId && now < until ? (from, until) : null;
    }

    /// <summary>True while the service's status page "is down" (answers 503), so the board shows unknown with a reason.</summary>
    public bool IsPageDown(string serviceId, DateTimeOffset now)
    {
        var block = (long)Math.Floor((now - s_epoch) / s_outageBlock);
        var from = s_epoch + s_outageBlock * block;
        return Pick(block, 104729) == serviceId && now < from + TimeSpan.FromMinutes(2);
    }

    private IEnumerable<DemoIncident> IncidentsStartingIn(long slot)
    {
        if (serviceIds.Count == 0)
        {
            yield break;
        }
        var random = new Random(HashCode.Combine(seed, slot));
        var slotStart = s_epoch + Slot * slot;
        for (var n = 0; n < IncidentsPerSlot; n++)
        {
            var service = serviceIds[random.Next(serviceIds.Count)];
            var startedAt = slotStart + Slot * random.NextDouble();
            var duration = TimeSpan.FromMinutes(3) + (s_maxDuration - TimeSpan.FromMinutes(3)) * random.NextDouble();
            yield return new DemoIncident(
                $"demo-{slot}-{n}",
                service,
                Titles[random.Next(Titles.Length)],
                s_impacts[random.Next(s_impacts.Length)],
                startedAt,
                startedAt + duration);
        }
    }

    private string Pick(long block, int salt) => serviceIds.Count == 0
        ? ""
        : serviceIds[new Random(HashCode.Combine(seed, salt, block)).Next(serviceIds.Count)];

    private static long SlotIndex(DateTimeOffset now) => (long)Math.Floor((now - s_epoch) / Slot);
}

/// <summary>One scripted incident: <see cref="Impact"/> is a Statuspage impact (minor, major, critical).</summary>
public sealed record DemoIncident(string Id, string ServiceId, string Title, string Impact, DateTimeOffset StartedAt, DateTimeOffset ResolvesAt)
{
    /// <summary>The updates posted by <paramref name="now"/>, newest first.</summary>
    public IEnumerable<(string Status, DateTimeOffset At, string Body)> UpdatesAt(DateTimeOffset now)
    {
        var span = ResolvesAt - StartedAt;
        var identified = StartedAt + span * 0.3;
        var monitoring = StartedAt + span * 0.6;
        if (now >= monitoring)
        {
            yield return ("monitoring", monitoring, "A fix has been implemented and we are monitoring the results.");
        }
        if (now >= identified)
        {
            yield return ("identified", identified, "The issue has been identified and a fix is being implemented.");
        }
        yield return ("investigating", StartedAt, $"We are investigating reports of {Title.ToLowerInvariant()}.");
    }

    public string StatusAt(DateTimeOffset now) => UpdatesAt(now).First().Status;
}

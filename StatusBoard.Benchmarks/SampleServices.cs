using StatusBoard.Core.Snapshot;

namespace StatusBoard.Benchmarks;

/// <summary>Realistic service records (a few components, an incident on some) for serialization figures.</summary>
public static class SampleServices
{
    public static ServiceStatus Create(int index)
    {
        var id = $"svc{index:000}";
        var now = DateTimeOffset.UnixEpoch.AddDays(20000);
        ComponentStatus[] components =
        [
            new("api", "API", StatusLevel.Operational, "Core"),
            new("web", "Website", StatusLevel.Operational, "Core"),
            new("hooks", "Webhooks", StatusLevel.Operational),
        ];
        Incident[] incidents = index % 10 == 0
            ? [new Incident($"inc-{index}", "Elevated error rates", "investigating", StatusLevel.Degraded, now, now, null, ["API"],
                [new IncidentUpdate(now, "investigating", "We are investigating elevated error rates on the API.")])]
            : [];
        return new ServiceStatus(id, $"Service {id}", $"Category {index % 12}", incidents.Length > 0 ? StatusLevel.Degraded : StatusLevel.Operational,
            "All Systems Operational", now, now, 42, null, $"https://status.example.test/{id}", components, incidents, []);
    }
}

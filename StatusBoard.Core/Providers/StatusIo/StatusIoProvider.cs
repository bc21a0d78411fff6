using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.StatusIo;

/// <summary>
/// status.io public API <c>api.status.io/1.0/status/&lt;page id&gt;</c>. The real per-component state is inside each
/// component's <c>containers[]</c> (often regions or data centres): every component × container becomes one
/// component, named "Component (Container)" when a component has more than one container.
/// </summary>
internal sealed class StatusIoProvider : JsonStatusProvider
{
    public override string Name => "statusio";

    protected override ProviderResult Read(JsonElement root, FetchedPayload payload)
    {
        if (root.Prop("result") is not { ValueKind: JsonValueKind.Object } result)
        {
            return ProviderResult.Fail($"{Name}: no $.result object in the payload");
        }
        if (result.Prop("status_overall") is not { } overall || FromCode(overall.Str("status_code")) is not { } overallLevel)
        {
            return ProviderResult.Fail($"{Name}: $.result.status_overall.status_code '{result.Prop("status_overall")?.Str("status_code") ?? "(missing)"}' is not 100-600");
        }

        var components = result.Items("status").Where(c => c.ValueKind == JsonValueKind.Object).SelectMany(ReadComponents).ToArray();
        var incidents = result.Items("incidents").Where(i => i.ValueKind == JsonValueKind.Object).Select(ReadIncident).ToArray();
        var maintenance = result.Prop("maintenance");
        var maintenances = (maintenance?.Items("active").Select(m => ReadMaintenance(m, inProgress: true)) ?? [])
            .Concat(maintenance?.Items("upcoming").Select(m => ReadMaintenance(m, inProgress: false)) ?? [])
            .ToArray();

        var level = StatusLevels.WorstOf(ComponentReading.Understood(components).Concat(incidents.Select(i => i.Impact)).Prepend(overallLevel));
        if (maintenances.Any(m => m.InProgress))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }
        var headline = new PageHeadline(overallLevel, overall.Str("status") ?? StatusWording.Label(overallLevel));
        var summary = StatusSummary.Describe(level, headline, components, incidents, maintenances);
        return ProviderResult.Ok(new ParsedStatus(level, summary, components, incidents, maintenances));
    }

    /// <summary>100 operational, 200 planned maintenance, 300 degraded, 400 partial disruption, 500 disruption, 600 security event.</summary>
    private static StatusLevel? FromCode(string? code) => code switch
    {
        "100" => StatusLevel.Operational,
        "200" => StatusLevel.Maintenance,
        "300" => StatusLevel.Degraded,
        "400" => StatusLevel.PartialOutage,
        "500" or "600" => StatusLevel.MajorOutage,
        _ => null,
    };

    private static IEnumerable<ComponentStatus> ReadComponents(JsonElement component)
    {
        var id = component.Str("id") ?? component.Str("name") ?? "";
        var name = component.Str("name") ?? id;
        var containers = component.Items("containers").Where(c => c.ValueKind == JsonValueKind.Object).ToArray();
        if (containers.Length == 0)
        {
            yield return Component(id, name, component.Str("status_code"), group: null);
            yield break;
        }
        foreach (var container in containers)
        {
            var containerName = container.Str("name") ?? container.Str("id") ?? "";
            yield return Component(
                $"{id}/{container.Str("id")}",
                containers.Length == 1 ? name : $"{name} ({containerName})",
                container.Str("status_code"),
                group: containers.Length == 1 ? null : name);
        }
    }

    private static ComponentStatus Component(string id, string name, string? code, string? group) =>
        FromCode(code) is { } level ? new ComponentStatus(id, name, level, group) : ComponentReading.Unrecognised(id, name, code, group);

    private static Incident ReadIncident(JsonElement i)
    {
        var updates = Messages(i);
        var latestCode = i.Items("messages").Select(m => m.Str("status")).LastOrDefault(s => s is not null);
        return new Incident(
            Id: i.Str("_id") ?? "",
            Title: i.Str("name") ?? "(untitled incident)",
            Status: updates.FirstOrDefault()?.Status ?? "open",
            Impact: FromCode(latestCode) is { } code && code != StatusLevel.Operational ? code : StatusLevel.Degraded,
            StartedAt: i.Date("datetime_open"),
            UpdatedAt: updates.FirstOrDefault()?.At,
            Url: null,
            Components: AffectedNames(i),
            Updates: updates);
    }

    private static Maintenance ReadMaintenance(JsonElement m, bool inProgress) => new(
        Id: m.Str("_id") ?? "",
        Title: m.Str("name") ?? "(untitled maintenance)",
        Status: inProgress ? "in_progress" : "scheduled",
        InProgress: inProgress,
        ScheduledFor: m.Date("datetime_planned_start"),
        ScheduledUntil: m.Date("datetime_planned_end"),
        Url: null,
        Components: AffectedNames(m),
        Updates: Messages(m));

    private static string[] AffectedNames(JsonElement item) =>
        item.Items("components_affected").Select(c => c.Str("name")).OfType<string>().ToArray();

    private static IncidentUpdate[] Messages(JsonElement item) =>
        item.Items("messages")
            .Select(m => new IncidentUpdate(m.Date("datetime"), MessageState(m.Str("state")), m.Str("details") ?? ""))
            .OrderByDescending(u => u.At ?? DateTimeOffset.MinValue)
            .ToArray();

    // status.io message states: 100 investigating, 200 identified, 300 monitoring (documented codes).
    private static string MessageState(string? state) => state switch
    {
        "100" => "investigating",
        "200" => "identified",
        "300" => "monitoring",
        _ => state ?? "",
    };
}

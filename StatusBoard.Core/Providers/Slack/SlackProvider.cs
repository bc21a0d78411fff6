using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Slack;

/// <summary>
/// <c>slack-status.com/api/v2.0.0/current</c>: <c>{status: ok|active, active_incidents[]}</c>. Each active item by
/// type: outage → major outage, incident → partial outage, notice → degraded; maintenance → maintenance. Affected
/// Slack services become components.
/// </summary>
internal sealed class SlackProvider : JsonStatusProvider
{
    public override string Name => "slack";

    protected override ProviderResult Read(JsonElement root, FetchedPayload payload)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WrongRoot(root, "an object");
        }
        if (root.Str("status") is not ({ } pageStatus and ("ok" or "active")))
        {
            return ProviderResult.Fail($"{Name}: $.status '{root.Str("status") ?? "(missing)"}' is not ok or active");
        }

        var items = root.Items("active_incidents").Where(i => i.ValueKind == JsonValueKind.Object).ToArray();
        var incidents = items.Where(i => !IsMaintenance(i) && i.Str("status") is null or "active").Select(ReadIncident).ToArray();
        var maintenances = items.Where(IsMaintenance).Select(ReadMaintenance).ToArray();

        var level = StatusLevels.WorstOf(incidents.Select(i => i.Impact));
        if (maintenances.Any(m => m.InProgress))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }
        if (pageStatus == "active" && level == StatusLevel.Operational && maintenances.Length == 0)
        {
            level = StatusLevel.Degraded; // Slack says something is going on but lists nothing we can read.
        }
        var components = incidents
            .SelectMany(i => i.Components.Select(name => (name, i.Impact)))
            .GroupBy(p => p.name, StringComparer.Ordinal)
            .Select(g => new ComponentStatus(g.Key, g.Key, StatusLevels.WorstOf(g.Select(p => p.Impact))))
            .ToArray();
        // "ok" is Slack's headline claim; "active" claims no level, it only says something is listed.
        var headline = pageStatus == "ok" ? new PageHeadline(StatusLevel.Operational, "All systems operational") : null;
        var quiet = level == StatusLevel.Operational ? "All systems operational" : "Slack reports an active incident";
        var summary = StatusSummary.Describe(level, headline, components, incidents, maintenances, quiet);
        return ProviderResult.Ok(new ParsedStatus(level, summary, components, incidents, maintenances));
    }

    private static bool IsMaintenance(JsonElement item) =>
        item.Str("type") is "maintenance" || item.Str("status") is "scheduled";

    private static Incident ReadIncident(JsonElement i) => new(
        Id: i.Str("id") ?? "", // an int in the live payload, a string in the docs: Str reads both.
        Title: i.Str("title") ?? "(untitled incident)",
        Status: i.Str("status") ?? "active",
        Impact: i.Str("type") switch
        {
            "outage" => StatusLevel.MajorOutage,
            "incident" => StatusLevel.PartialOutage,
            _ => StatusLevel.Degraded, // notice, or a type Slack adds later
        },
        StartedAt: i.Date("date_created"),
        UpdatedAt: i.Date("date_updated"),
        Url: i.Str("url"),
        Components: i.Items("services").Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToArray(),
        Updates: ReadNotes(i));

    private static Maintenance ReadMaintenance(JsonElement m) => new(
        Id: m.Str("id") ?? "",
        Title: m.Str("title") ?? "(untitled maintenance)",
        Status: m.Str("status") ?? "",
        InProgress: m.Str("status") is "active",
        ScheduledFor: m.Date("date_created"),
        ScheduledUntil: null,
        Url: m.Str("url"),
        Components: m.Items("services").Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToArray(),
        Updates: ReadNotes(m));

    private static IncidentUpdate[] ReadNotes(JsonElement item) =>
        item.Items("notes")
            .Select(n => new IncidentUpdate(n.Date("date_created"), "", n.Str("body") ?? ""))
            .OrderByDescending(n => n.At ?? DateTimeOffset.MinValue)
            .ToArray();
}

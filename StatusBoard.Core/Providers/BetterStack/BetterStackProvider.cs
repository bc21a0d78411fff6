using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.BetterStack;

/// <summary>
/// Better Stack (ex Better Uptime) <c>index.json</c>, a JSON:API document: <c>data.attributes.aggregate_state</c>
/// gives the page state; <c>included[]</c> holds sections, resources (our components), status reports (incidents
/// or maintenance) and their updates. Resolved reports keep <c>ends_at: null</c>, so a report is open by its own
/// <c>aggregate_state</c>, not by its end.
/// </summary>
internal sealed class BetterStackProvider(TimeProvider time) : JsonStatusProvider
{
    public override string Name => "betterstack";

    protected override ProviderResult Read(JsonElement root, FetchedPayload payload)
    {
        var state = root.Prop("data")?.Prop("attributes")?.Str("aggregate_state");
        if (state is not ("operational" or "degraded" or "downtime" or "maintenance"))
        {
            return ProviderResult.Fail($"{Name}: $.data.attributes.aggregate_state '{state ?? "(missing)"}' is not operational, degraded, downtime or maintenance");
        }
        var included = root.Items("included").Where(i => i.ValueKind == JsonValueKind.Object).ToArray();
        // Keyed by id, first one wins: a payload with duplicate ids must not break the page.
        var sections = OfType(included, "status_page_section").DistinctBy(s => s.Str("id") ?? "")
            .ToDictionary(s => s.Str("id") ?? "", s => Attr(s).Str("name"), StringComparer.Ordinal);
        var updates = OfType(included, "status_update").DistinctBy(u => u.Str("id") ?? "")
            .ToDictionary(u => u.Str("id") ?? "", u => u, StringComparer.Ordinal);

        var components = OfType(included, "status_page_resource").Select(r => ReadResource(r, sections)).ToArray();
        var now = time.GetUtcNow();
        var open = OfType(included, "status_report").Where(r => Attr(r).Str("aggregate_state") is not (null or "resolved")).ToArray();
        var incidents = open.Where(r => Attr(r).Str("report_type") != "maintenance").Select(r => ReadIncident(r, updates)).ToArray();
        var maintenances = open.Where(r => Attr(r).Str("report_type") == "maintenance").Select(r => ReadMaintenance(r, updates, now)).ToArray();

        var level = state switch
        {
            "operational" => StatusLevel.Operational,
            "degraded" => StatusLevel.Degraded,
            "maintenance" => StatusLevel.Maintenance,
            // Downtime of some resources while others are up is a partial outage.
            _ => components.Any(c => c.Status == StatusLevel.Operational) ? StatusLevel.PartialOutage : StatusLevel.MajorOutage,
        };
        level = StatusLevels.WorstOf(incidents.Select(i => i.Impact).Prepend(level));
        if (maintenances.Any(m => m.InProgress))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }
        // Only "operational" is a claim in words on the page; the other states are summed up from the resources.
        var headline = state == "operational" ? new PageHeadline(StatusLevel.Operational, "All services are online") : null;
        var summary = StatusSummary.Describe(level, headline, components, incidents, maintenances);
        return ProviderResult.Ok(new ParsedStatus(level, summary, components, incidents, maintenances));
    }

    private static IEnumerable<JsonElement> OfType(JsonElement[] included, string type) => included.Where(i => i.Str("type") == type);

    private static JsonElement Attr(JsonElement item) => item.Prop("attributes") ?? default;

    private static StatusLevel? FromState(string? state) => state switch
    {
        "operational" => StatusLevel.Operational,
        "degraded" => StatusLevel.Degraded,
        "downtime" => StatusLevel.MajorOutage,
        "maintenance" => StatusLevel.Maintenance,
        _ => null, // not_monitored, or a state Better Stack adds later
    };

    private static ComponentStatus ReadResource(JsonElement resource, Dictionary<string, string?> sections)
    {
        var a = Attr(resource);
        var name = a.Str("public_name") ?? resource.Str("id") ?? "";
        var section = a.Str("status_page_section_id") is { } sectionId && sections.TryGetValue(sectionId, out var sectionName) ? sectionName : null;
        var id = resource.Str("id") ?? name;
        var status = a.Str("status");
        return FromState(status) is { } level
            ? new ComponentStatus(id, name, level, section)
            : ComponentReading.Unrecognised(id, name, status, section);
    }

    private static Incident ReadIncident(JsonElement report, Dictionary<string, JsonElement> updates)
    {
        var a = Attr(report);
        var posts = Updates(report, updates);
        var impact = StatusLevels.WorstOf(a.Items("affected_resources").Select(r => FromState(r.Str("status"))).OfType<StatusLevel>()
            .Prepend(StatusLevel.Degraded));
        return new Incident(report.Str("id") ?? "", a.Str("title") ?? "(untitled report)", a.Str("aggregate_state") ?? "", impact,
            a.Date("starts_at"), posts.FirstOrDefault()?.At, null, [], posts);
    }

    private static Maintenance ReadMaintenance(JsonElement report, Dictionary<string, JsonElement> updates, DateTimeOffset now)
    {
        var a = Attr(report);
        var start = a.Date("starts_at");
        var end = a.Date("ends_at");
        var inProgress = start <= now && (end is null || end > now);
        return new Maintenance(report.Str("id") ?? "", a.Str("title") ?? "(untitled maintenance)", inProgress ? "in_progress" : "scheduled",
            inProgress, start, end, null, [], Updates(report, updates));
    }

    private static IncidentUpdate[] Updates(JsonElement report, Dictionary<string, JsonElement> updates) =>
        (report.Prop("relationships")?.Prop("status_updates")?.Items("data") ?? [])
            .Select(r => r.Str("id") is { } id && updates.TryGetValue(id, out var u) ? u : (JsonElement?)null)
            .OfType<JsonElement>()
            .Select(u => new IncidentUpdate(Attr(u).Date("published_at"), "", Attr(u).Str("message") ?? ""))
            .OrderByDescending(u => u.At ?? DateTimeOffset.MinValue)
            .ToArray();
}

using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Statuspage;

/// <summary>
/// Atlassian Statuspage <c>/api/v2/summary.json</c> (also <c>status.json</c>, <c>components.json</c>,
/// <c>incidents/unresolved.json</c>, <c>scheduled-maintenances/*.json</c>) and incident.io's compatible summary.
/// The level is the worst of the page indicator, every component, every unresolved incident's impact and every
/// maintenance in progress: the indicator alone lies (it can say <c>none</c> while an incident is open).
/// </summary>
internal class StatuspageProvider : IStatusProvider
{
    private static readonly string[] s_knownKeys = ["status", "components", "incidents", "incident", "scheduled_maintenances"];

    public virtual string Name => "statuspage";

    public ProviderResult Parse(ProviderInput input, FetchedPayload payload) =>
        JsonStatusProvider.ParseSafely(Name, payload, root => ParseDocument(root, payload.Url));

    protected virtual ProviderResult ParseDocument(JsonElement root, Uri url)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ProviderResult.Fail($"{Name}: expected a JSON object at the root, got {root.ValueKind}");
        }
        if (!s_knownKeys.Any(key => root.Prop(key) is not null))
        {
            return ProviderResult.Fail($"{Name}: no 'status', 'components' or 'incidents' in the payload");
        }

        var indicated = StatusLevel.Operational;
        PageHeadline? headline = null;
        if (root.Prop("status") is { } status)
        {
            var indicator = status.Str("indicator");
            if (StatuspageLevels.FromIndicator(indicator) is not { } fromIndicator)
            {
                return ProviderResult.Fail($"{Name}: $.status.indicator '{indicator ?? "(missing)"}' is not none, minor, major, critical or maintenance");
            }
            indicated = fromIndicator;
            // The description is the headline the page shows ("All Systems Operational"); without it there is none to quote.
            headline = status.Str("description") is { } description ? new PageHeadline(fromIndicator, description) : null;
        }

        // The indicator alone lies (it can say none while an incident is open): the level is the worst of everything.
        var components = ReadComponents(root);
        var incidents = ReadIncidents(root, url);
        if (root.Prop("status") is null && incidents.Length == 0 && ComponentReading.NoneUnderstood(components))
        {
            // Without an indicator the components are the page's only word: if none can be read, we cannot tell.
            return ProviderResult.Fail($"{Name}: no component status in the payload is recognised ({components[0].Name})");
        }
        var level = StatusLevels.WorstOf(ComponentReading.Understood(components)
            .Concat(incidents.Select(i => i.Impact))
            .Prepend(indicated));

        var maintenances = root.Items("scheduled_maintenances")
            .Where(m => !StatuspageLevels.IsResolved(m.Str("status")))
            .Select(m => ReadMaintenance(m, url))
            .OrderBy(m => m.ScheduledFor ?? DateTimeOffset.MaxValue)
            .ToArray();
        if (maintenances.Any(m => m.InProgress))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }

        var summary = StatusSummary.Describe(level, headline, components, incidents, maintenances);
        return ProviderResult.Ok(new ParsedStatus(level, summary, components, incidents, maintenances));
    }

    private static ComponentStatus[] ReadComponents(JsonElement root)
    {
        var rows = root.Items("components").Where(c => c.ValueKind == JsonValueKind.Object).ToArray();
        var groupNames = rows
            .Where(c => c.Bool("group") == true && c.Str("id") is not null)
            .DistinctBy(c => c.Str("id")) // duplicate ids in a broken payload: first wins, no exception
            .ToDictionary(c => c.Str("id")!, c => c.Str("name") ?? "", StringComparer.Ordinal);

        var result = new List<ComponentStatus>(rows.Length);
        foreach (var row in rows)
        {
            // Group rows are headings whose status is the worst of their children, which are listed anyway.
            if (row.Bool("group") == true)
            {
                continue;
            }
            var id = row.Str("id") ?? row.Str("name") ?? "";
            var name = row.Str("name") ?? id;
            var groupId = row.Str("group_id");
            var group = groupId is not null && groupNames.TryGetValue(groupId, out var groupName) ? groupName : null;
            var status = row.Str("status");
            result.Add(StatuspageLevels.FromComponent(status) is { } level
                ? new ComponentStatus(id, name, level, group)
                : ComponentReading.Unrecognised(id, name, status, group));
        }
        return [.. result];
    }

    private static Incident[] ReadIncidents(JsonElement root, Uri url)
    {
        var items = root.Items("incidents");
        if (root.Prop("incident") is { ValueKind: JsonValueKind.Object } single)
        {
            items = items.Append(single);
        }
        return items
            .Where(i => i.ValueKind == JsonValueKind.Object && !StatuspageLevels.IsResolved(i.Str("status")))
            .Select(i => new Incident(
                Id: i.Str("id") ?? "",
                Title: i.Str("name") ?? "(untitled incident)",
                Status: i.Str("status") ?? "",
                Impact: StatuspageLevels.FromImpact(i.Str("impact")),
                StartedAt: i.Date("started_at") ?? i.Date("created_at"),
                UpdatedAt: i.Date("updated_at"),
                Url: i.Str("shortlink") ?? IncidentLink(url, i.Str("id")),
                Components: ComponentNames(i),
                Updates: ReadUpdates(i)))
            .ToArray();
    }

    private static Maintenance ReadMaintenance(JsonElement m, Uri url)
    {
        var status = m.Str("status") ?? "";
        return new Maintenance(
            Id: m.Str("id") ?? "",
            Title: m.Str("name") ?? "(untitled maintenance)",
            Status: status,
            InProgress: StatuspageLevels.IsMaintenanceInProgress(status),
            ScheduledFor: m.Date("scheduled_for"),
            ScheduledUntil: m.Date("scheduled_until"),
            Url: m.Str("shortlink") ?? IncidentLink(url, m.Str("id")),
            Components: ComponentNames(m),
            Updates: ReadUpdates(m));
    }

    private static string[] ComponentNames(JsonElement item) =>
        item.Items("components").Select(c => c.Str("name")).OfType<string>().ToArray();

    private static IncidentUpdate[] ReadUpdates(JsonElement item) =>
        item.Items("incident_updates")
            .Select(u => new IncidentUpdate(u.Date("display_at") ?? u.Date("created_at"), u.Str("status") ?? "", u.Str("body") ?? ""))
            .OrderByDescending(u => u.At ?? DateTimeOffset.MinValue)
            .ToArray();

    private static string? IncidentLink(Uri url, string? id) =>
        id is null || !url.IsAbsoluteUri ? null : $"{url.Scheme}://{url.Authority}/incidents/{Uri.EscapeDataString(id)}";
}

using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Instatus;

/// <summary>
/// Instatus <c>summary.json</c>: <c>{page{name,url,status}, activeIncidents[]?, activeMaintenances[]?}</c>, the arrays
/// omitted when empty. The level is the worst of the page status and every active incident's impact.
/// </summary>
internal sealed class InstatusProvider : JsonStatusProvider
{
    public override string Name => "instatus";

    protected override ProviderResult Read(JsonElement root, FetchedPayload payload)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WrongRoot(root, "an object");
        }
        if (root.Prop("page")?.Str("status") is not { Length: > 0 } pageStatus)
        {
            return ProviderResult.Fail($"{Name}: no $.page.status in the payload");
        }

        var incidents = root.Items("activeIncidents")
            .Where(i => i.ValueKind == JsonValueKind.Object && !string.Equals(i.Str("status"), "RESOLVED", StringComparison.OrdinalIgnoreCase))
            .Select(ReadIncident)
            .ToArray();
        var maintenances = root.Items("activeMaintenances")
            .Where(m => m.ValueKind == JsonValueKind.Object && !string.Equals(m.Str("status"), "COMPLETED", StringComparison.OrdinalIgnoreCase))
            .Select(ReadMaintenance)
            .ToArray();

        var worstIncident = StatusLevels.WorstOf(incidents.Select(i => i.Impact));
        var pageLevel = InstatusLevels.FromPageStatus(pageStatus, worstIncident);
        var level = StatusLevels.Worst(pageLevel, worstIncident);
        if (maintenances.Any(m => m.InProgress))
        {
            level = StatusLevels.Worst(level, StatusLevel.Maintenance);
        }
        var headline = new PageHeadline(pageLevel, pageLevel == StatusLevel.Operational ? "All systems operational" : StatusWording.Label(pageLevel));
        var summary = StatusSummary.Describe(level, headline, [], incidents, maintenances);
        return ProviderResult.Ok(new ParsedStatus(level, summary, [], incidents, maintenances));
    }

    private static Incident ReadIncident(JsonElement i) => new(
        Id: i.Str("id") ?? "",
        Title: i.Str("name") ?? "(untitled incident)",
        Status: (i.Str("status") ?? "").ToLowerInvariant(),
        Impact: InstatusLevels.FromImpact(i.Str("impact")),
        StartedAt: i.Date("started"),
        UpdatedAt: i.Date("updatedAt"),
        Url: i.Str("url"),
        Components: [],
        Updates: []);

    private static Maintenance ReadMaintenance(JsonElement m)
    {
        var start = m.Date("start");
        // Duration is minutes, sent as a string.
        var end = start is { } s && double.TryParse(m.Str("duration"), System.Globalization.CultureInfo.InvariantCulture, out var minutes)
            ? s.AddMinutes(minutes)
            : (DateTimeOffset?)null;
        var status = m.Str("status") ?? "";
        return new Maintenance(
            Id: m.Str("id") ?? "",
            Title: m.Str("name") ?? "(untitled maintenance)",
            Status: status.ToLowerInvariant(),
            InProgress: string.Equals(status, "INPROGRESS", StringComparison.OrdinalIgnoreCase),
            ScheduledFor: start,
            ScheduledUntil: end,
            Url: m.Str("url"),
            Components: [],
            Updates: []);
    }
}

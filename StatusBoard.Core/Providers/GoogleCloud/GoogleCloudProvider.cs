using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.GoogleCloud;

/// <summary>
/// Google's dashboard <c>incidents.json</c> (Cloud, Firebase, Workspace): a bare array of incidents, history included;
/// those without <c>end</c> are active. Current schema (<c>status_impact</c>, <c>affected_products</c>,
/// <c>most_recent_update</c>) and the legacy one (<c>severity</c>, <c>service_name</c>, <c>most-recent-update</c>).
/// Affected products of active incidents become the components.
/// </summary>
internal sealed class GoogleCloudProvider : JsonStatusProvider
{
    public override string Name => "gcp";

    protected override ProviderResult Read(JsonElement root, FetchedPayload payload)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return WrongRoot(root, "an array of incidents");
        }
        var incidents = root.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object && i.Str("end") is null)
            .Select(i => ReadIncident(i, payload.Url))
            .OrderByDescending(i => i.StartedAt ?? DateTimeOffset.MinValue)
            .ToArray();

        var components = incidents
            .SelectMany(i => i.Components.Select(product => (product, i.Impact)))
            .GroupBy(p => p.product, StringComparer.Ordinal)
            .Select(g => new ComponentStatus(g.Key, g.Key, StatusLevels.WorstOf(g.Select(p => p.Impact))))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var level = StatusLevels.WorstOf(incidents.Select(i => i.Impact));
        var summary = StatusSummary.Describe(level, null, components, incidents, [], "No active incidents");
        return ProviderResult.Ok(new ParsedStatus(level, summary, components, incidents, []));
    }

    private static Incident ReadIncident(JsonElement i, Uri url)
    {
        var latest = i.Prop("most_recent_update") ?? i.Prop("most-recent-update");
        var products = i.Items("affected_products").Select(p => p.Str("title")).OfType<string>().ToArray();
        if (products.Length == 0 && i.Str("service_name") is { } serviceName)
        {
            products = [serviceName];
        }
        return new Incident(
            Id: i.Str("id") ?? i.Str("number") ?? "",
            Title: FirstLine(i.Str("external_desc")) ?? "(untitled incident)",
            Status: (latest?.Str("status") ?? "ongoing").ToLowerInvariant(),
            Impact: Impact(i),
            StartedAt: i.Date("begin") ?? i.Date("created"),
            UpdatedAt: i.Date("modified"),
            Url: i.Str("uri") is { } uri && url.IsAbsoluteUri ? new Uri(url, uri).ToString() : null,
            Components: products,
            Updates: i.Items("updates")
                .Select(u => new IncidentUpdate(u.Date("when") ?? u.Date("created"), (u.Str("status") ?? "").ToLowerInvariant(), u.Str("text") ?? ""))
                .OrderByDescending(u => u.At ?? DateTimeOffset.MinValue)
                .ToArray());
    }

    private static StatusLevel Impact(JsonElement incident) => incident.Str("status_impact") switch
    {
        "SERVICE_OUTAGE" => StatusLevel.MajorOutage,
        "SERVICE_DISRUPTION" => StatusLevel.PartialOutage,
        "SERVICE_INFORMATION" => StatusLevel.Degraded,
        _ => incident.Str("severity") switch
        {
            "high" => StatusLevel.MajorOutage,
            "medium" => StatusLevel.PartialOutage,
            _ => StatusLevel.Degraded, // low, or an active incident that says nothing: never operational.
        },
    };

    private static string? FirstLine(string? text) =>
        text?.Split('\n', 2, StringSplitOptions.TrimEntries)[0] is { Length: > 0 } line ? line : null;
}

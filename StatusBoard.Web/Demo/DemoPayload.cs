using System.Text.Json;

namespace StatusBoard.Web.Demo;

/// <summary>Writes a Statuspage <c>summary.json</c> for one demo service at one moment.</summary>
public static class DemoPayload
{
    private static readonly (string Id, string Name, string? GroupId)[] s_components =
    [
        ("api", "API", null),
        ("web", "Web application", null),
        ("webhooks", "Webhooks", null),
        ("regions", "Regions", null),
        ("eu", "Europe", "regions"),
        ("us", "North America", "regions"),
    ];

    public static byte[] Summary(DemoScript script, string serviceId, string serviceName, DateTimeOffset now)
    {
        var incidents = script.IncidentsOf(serviceId, now);
        var maintenance = script.MaintenanceOf(serviceId, now);
        var worst = incidents.Select(i => i.Impact).OrderByDescending(Rank).FirstOrDefault();
        var indicator = worst ?? (maintenance is null ? "none" : "maintenance");

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("page");
            json.WriteString("id", serviceId);
            json.WriteString("name", serviceName);
            json.WriteString("url", $"https://{serviceId}.demo.statusboard.invalid");
            json.WriteString("updated_at", now);
            json.WriteEndObject();

            json.WriteStartObject("status");
            json.WriteString("indicator", indicator);
            json.WriteString("description", indicator switch
            {
                "none" => "All Systems Operational",
                "maintenance" => "Service Under Maintenance",
                "minor" => "Minor Service Outage",
                "major" => "Partial System Outage",
                _ => "Major System Outage",
            });
            json.WriteEndObject();

            json.WriteStartArray("components");
            foreach (var (id, name, groupId) in s_components)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("name", name);
                json.WriteString("status", ComponentStatus(id, worst, maintenance is not null));
                json.WriteBoolean("group", id == "regions");
                if (groupId is null)
                {
                    json.WriteNull("group_id");
                }
                else
                {
                    json.WriteString("group_id", groupId);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("incidents");
            foreach (var incident in incidents)
            {
                json.WriteStartObject();
                json.WriteString("id", incident.Id);
                json.WriteString("name", incident.Title);
                json.WriteString("status", incident.StatusAt(now));
                json.WriteString("impact", incident.Impact);
                json.WriteString("created_at", incident.StartedAt);
                json.WriteString("updated_at", incident.UpdatesAt(now).First().At);
                WriteAffected(json);
                WriteUpdates(json, incident.UpdatesAt(now));
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("scheduled_maintenances");
            if (maintenance is { } window)
            {
                json.WriteStartObject();
                json.WriteString("id", $"demo-maintenance-{window.From.ToUnixTimeSeconds()}");
                json.WriteString("name", "Scheduled database upgrade");
                json.WriteString("status", "in_progress");
                json.WriteString("impact", "maintenance");
                json.WriteString("scheduled_for", window.From);
                json.WriteString("scheduled_until", window.Until);
                WriteAffected(json);
                WriteUpdates(json, [("in_progress", window.From, "Scheduled maintenance is currently in progress.")]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteAffected(Utf8JsonWriter json)
    {
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("id", "api");
        json.WriteString("name", "API");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteUpdates(Utf8JsonWriter json, IEnumerable<(string Status, DateTimeOffset At, string Body)> updates)
    {
        json.WriteStartArray("incident_updates");
        var n = 0;
        foreach (var (status, at, body) in updates)
        {
            json.WriteStartObject();
            json.WriteString("id", $"u{n++}");
            json.WriteString("status", status);
            json.WriteString("body", body);
            json.WriteString("created_at", at);
            json.WriteString("display_at", at);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string ComponentStatus(string id, string? worstImpact, bool inMaintenance) => id switch
    {
        "api" when worstImpact is "critical" => "major_outage",
        "api" when worstImpact is "major" => "partial_outage",
        "api" when worstImpact is "minor" => "degraded_performance",
        "eu" when inMaintenance => "under_maintenance",
        _ => "operational",
    };

    private static int Rank(string impact) => impact switch { "critical" => 3, "major" => 2, "minor" => 1, _ => 0 };
}

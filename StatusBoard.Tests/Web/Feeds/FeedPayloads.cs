using System.Text.Json;

namespace StatusBoard.Tests.Web.Feeds;

/// <summary>A Statuspage summary with one scheduled maintenance (written for these tests).</summary>
public static class FeedPayloads
{
    // Longer than an iCalendar line (75 octets), so the calendar must fold it.
    public const string MaintenanceBody =
        "We will upgrade the primary database cluster; git pushes may be delayed by a few seconds while replicas fail over, one region at a time.";

    public static string WithMaintenance(string summary) => summary.Replace("\"scheduled_maintenances\":[]",
        "\"scheduled_maintenances\":[{\"id\":\"m1\",\"name\":\"Database upgrade\",\"status\":\"scheduled\"," +
        "\"scheduled_for\":\"2026-11-26T02:00:00Z\",\"scheduled_until\":\"2026-11-26T04:00:00Z\",\"shortlink\":\"https://stspg.io/m1\"," +
        "\"components\":[{\"id\":\"c1\",\"name\":\"API\"}]," +
        "\"incident_updates\":[{\"id\":\"mu1\",\"status\":\"scheduled\",\"body\":" + JsonSerializer.Serialize(MaintenanceBody) +
        ",\"created_at\":\"2026-11-24T09:00:00Z\",\"display_at\":\"2026-11-24T09:00:00Z\"}]}]", StringComparison.Ordinal);
}

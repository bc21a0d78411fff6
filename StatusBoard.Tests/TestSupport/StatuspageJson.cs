namespace StatusBoard.Tests.TestSupport;

/// <summary>Small Statuspage-shaped payloads written for these tests (not recordings).</summary>
public static class StatuspageJson
{
    public static string Summary(string indicator = "none", string componentStatus = "operational", string? incidentImpact = null,
        string incidentBody = "We are investigating.", string description = "Test description")
    {
        var incidents = incidentImpact is null
            ? "[]"
            : $$"""
              [{"id":"inc1","name":"Elevated errors","status":"investigating","impact":"{{incidentImpact}}",
                "created_at":"2026-11-25T10:00:00Z","updated_at":"2026-11-25T10:05:00Z","shortlink":"https://stspg.io/x",
                "components":[{"id":"c1","name":"API"}],
                "incident_updates":[{"id":"u1","status":"investigating","body":{{System.Text.Json.JsonSerializer.Serialize(incidentBody)}},"created_at":"2026-11-25T10:05:00Z","display_at":"2026-11-25T10:05:00Z"}]}]
              """;
        return $$"""
            {"page":{"id":"test","name":"Test","url":"https://example.test"},
             "status":{"indicator":"{{indicator}}","description":"{{description}}"},
             "components":[{"id":"c1","name":"API","status":"{{componentStatus}}","group":false,"group_id":null},
                           {"id":"c2","name":"Web","status":"operational","group":false,"group_id":null}],
             "incidents":{{incidents}},
             "scheduled_maintenances":[]}
            """;
    }
}

using System.Text;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.Statuspage;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

public class StatuspageProviderTests
{
    private readonly StatuspageProvider _provider = new();

    private ParsedStatus ParseFixture(string file)
    {
        var result = _provider.Parse(Payloads.NoRules, Payloads.Of(Fixtures.Read(file)));
        result.Error.Should().BeNull();
        return result.Status!;
    }

    // Expected values counted independently from the payloads (group rows excluded from components).
    public static TheoryData<string, StatusLevel, int, int, int> RecordedPayloads => new()
    {
        { "incidentio/cohere-statuspage-compat-summary-2026-07-23-major.json", StatusLevel.PartialOutage, 24, 1, 0 },
        { "incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json", StatusLevel.Degraded, 25, 1, 0 },
        { "statuspage/bitbucket-summary-2026-07-31-none.json", StatusLevel.Operational, 13, 1, 0 },
        { "statuspage/box-components-2021-12-27-degraded.json", StatusLevel.Degraded, 45, 0, 0 },
        { "statuspage/claude-summary-2026-07-29-major.json", StatusLevel.MajorOutage, 6, 1, 0 },
        { "statuspage/cloudflare-summary-2026-07-29-major.json", StatusLevel.MajorOutage, 462, 1, 16 },
        { "statuspage/coinbase-components-2021-12-01-partial-outage-maintenance.json", StatusLevel.PartialOutage, 136, 0, 0 },
        { "statuspage/github-components-2021-12-01-operational.json", StatusLevel.Operational, 10, 0, 0 },
        { "statuspage/github-components-2021-12-10-partial-outage.json", StatusLevel.PartialOutage, 10, 0, 0 },
        { "statuspage/github-incident-2023-06-29-critical.json", StatusLevel.Operational, 0, 0, 0 },
        { "statuspage/github-incident-2023-07-25-impact-none-no-components.json", StatusLevel.Operational, 0, 0, 0 },
        { "statuspage/github-incident-2023-09-19-major-3-components.json", StatusLevel.Operational, 0, 0, 0 },
        { "statuspage/github-incident-2023-10-06-minor.json", StatusLevel.Operational, 0, 0, 0 },
        { "statuspage/github-status-json-2023-09-26-none.json", StatusLevel.Operational, 0, 0, 0 },
        { "statuspage/github-summary-2022-11-25-minor-indicator-major-incident.json", StatusLevel.PartialOutage, 11, 1, 0 },
        { "statuspage/github-summary-2026-07-24-major.json", StatusLevel.MajorOutage, 12, 1, 0 },
        { "statuspage/instructure-summary-2021-12-07-minor.json", StatusLevel.Degraded, 21, 1, 0 },
        { "statuspage/lastpass-components-2021-12-01-all-degraded.json", StatusLevel.Degraded, 3, 0, 0 },
        { "statuspage/linode-components-2021-12-partial-outage-minified.json", StatusLevel.PartialOutage, 62, 0, 0 },
        { "statuspage/qualys-components-2021-12-01-major-outage-maintenance.json", StatusLevel.MajorOutage, 259, 0, 0 },
        { "statuspage/reddit-components-2021-12-01-operational.json", StatusLevel.Operational, 45, 0, 0 },
        { "statuspage/twilio-components-2021-12-01-degraded.json", StatusLevel.Degraded, 75, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(RecordedPayloads))]
    public void RecordedPayload_ParsesToExpectedLevelAndCounts(string file, StatusLevel level, int components, int incidents, int maintenances)
    {
        // Act
        var status = ParseFixture(file);

        // Assert
        status.Level.Should().Be(level);
        status.Components.Should().HaveCount(components);
        status.Incidents.Should().HaveCount(incidents);
        status.Maintenances.Should().HaveCount(maintenances);
    }

    [Fact]
    public void EveryRecordedStatuspageAndIncidentIoPayload_IsCoveredByTheTable()
    {
        var covered = RecordedPayloads.Select(row => row.Data.Item1).ToHashSet();
        var present = Fixtures.In("statuspage").Concat(Fixtures.In("incidentio"));

        present.Should().BeSubsetOf(covered, "every recorded Statuspage payload must have expectations");
    }

    [Fact]
    public void Statuspage_IndicatorNoneWithOpenIncident_StillListsTheIncident()
    {
        // Bitbucket 2026: indicator "none" while an incident with impact "none" is open.
        var status = ParseFixture("statuspage/bitbucket-summary-2026-07-31-none.json");

        status.Level.Should().Be(StatusLevel.Operational);
        var incident = status.Incidents.Should().ContainSingle().Subject;
        incident.Title.Should().Be("BitBucket Site fails to Load");
        incident.Status.Should().Be("monitoring");
        incident.Impact.Should().Be(StatusLevel.Operational);
        status.Summary.Should().Be("BitBucket Site fails to Load");
    }

    [Fact]
    public void Statuspage_IndicatorMilderThanIncident_UsesIncidentImpact()
    {
        // GitHub 2022: indicator "minor" but the open incident's impact is "major".
        var status = ParseFixture("statuspage/github-summary-2022-11-25-minor-indicator-major-incident.json");

        status.Level.Should().Be(StatusLevel.PartialOutage);
        var incident = status.Incidents.Should().ContainSingle().Subject;
        incident.Title.Should().Be("Incident with Packages and Pages");
        incident.Impact.Should().Be(StatusLevel.PartialOutage);
        incident.Updates.Should().HaveCount(7);
        incident.Updates.Should().BeInDescendingOrder(u => u.At);
        incident.Updates.Should().OnlyContain(u => u.Body.Length > 0 && u.At != null);
        incident.Url.Should().StartWith("https://stspg.io/");
        status.Components.Should().ContainSingle(c => c.Status == StatusLevel.PartialOutage).Which.Name.Should().Be("Packages");
    }

    [Fact]
    public void Statuspage_CriticalIncidentUnderMajorIndicator_IsMajorOutage()
    {
        var status = ParseFixture("statuspage/claude-summary-2026-07-29-major.json");

        status.Level.Should().Be(StatusLevel.MajorOutage);
        status.Incidents.Single().Impact.Should().Be(StatusLevel.MajorOutage);
        status.Incidents.Single().Status.Should().Be("investigating");
        status.Components.Count(c => c.Status == StatusLevel.MajorOutage).Should().Be(4);
    }

    [Fact]
    public void Statuspage_Cloudflare_GroupsComponentsAndListsMaintenance()
    {
        var status = ParseFixture("statuspage/cloudflare-summary-2026-07-29-major.json");

        status.Components.Should().OnlyContain(c => c.Id.Length > 0 && c.Name.Length > 0);
        status.Components.Where(c => c.Group is not null).Should().NotBeEmpty();
        status.Components.Should().Contain(c => c.Name == "Cloudflare Sites and Services - Workers" || c.Group == "Cloudflare Sites and Services");
        status.Maintenances.Should().HaveCount(16).And.OnlyContain(m => m.ScheduledFor != null && m.Title.Length > 0);
        status.Maintenances.Count(m => m.InProgress && m.Status == "in_progress").Should().Be(4);
        status.Maintenances.Count(m => !m.InProgress && m.Status == "scheduled").Should().Be(12);
        status.Maintenances.Should().BeInAscendingOrder(m => m.ScheduledFor);
        status.Incidents.Single().Impact.Should().Be(StatusLevel.PartialOutage);
    }

    [Fact]
    public void Statuspage_LocalOffsetTimestamps_AreParsedWithTheirOffset()
    {
        var status = ParseFixture("statuspage/instructure-summary-2021-12-07-minor.json");

        var incident = status.Incidents.Single();
        incident.StartedAt.Should().NotBeNull();
        incident.StartedAt!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
        incident.Updates.Should().HaveCount(11);
    }

    [Theory]
    [InlineData("none", StatusLevel.Operational)]
    [InlineData("minor", StatusLevel.Degraded)]
    [InlineData("major", StatusLevel.PartialOutage)]
    [InlineData("critical", StatusLevel.MajorOutage)]
    [InlineData("maintenance", StatusLevel.Maintenance)]
    public void Statuspage_Indicator_MapsToLevel(string indicator, StatusLevel expected)
    {
        var json = "{\"status\":{\"indicator\":\"" + indicator + "\",\"description\":\"x\"}}";

        _provider.Parse(Payloads.NoRules, Payloads.Of(json)).Status!.Level.Should().Be(expected);
    }

    [Theory]
    [InlineData("degraded_performance", StatusLevel.Degraded)]
    [InlineData("partial_outage", StatusLevel.PartialOutage)]
    [InlineData("major_outage", StatusLevel.MajorOutage)]
    [InlineData("under_maintenance", StatusLevel.Maintenance)]
    public void Statuspage_ComponentStatus_RaisesLevel(string componentStatus, StatusLevel expected)
    {
        var result = _provider.Parse(Payloads.NoRules, Payloads.Of(StatuspageJson.Summary(componentStatus: componentStatus)));

        result.Status!.Level.Should().Be(expected);
        result.Status.Components.Single(c => c.Id == "c1").Status.Should().Be(expected);
    }

    [Fact]
    public void Statuspage_MaintenanceInProgress_IsMaintenance_UpcomingIsListedOnly()
    {
        const string json = """
            {"status":{"indicator":"none"},"components":[],"incidents":[],
             "scheduled_maintenances":[
               {"id":"m1","name":"DB upgrade","status":"in_progress","impact":"maintenance","scheduled_for":"2026-11-25T10:00:00Z","scheduled_until":"2026-11-25T12:00:00Z","incident_updates":[]},
               {"id":"m2","name":"Later work","status":"scheduled","impact":"maintenance","scheduled_for":"2026-12-01T10:00:00Z","scheduled_until":"2026-12-01T12:00:00Z","incident_updates":[]}]}
            """;

        var status = _provider.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.Maintenance);
        status.Maintenances.Select(m => (m.Id, m.InProgress)).Should().Equal(("m1", true), ("m2", false));
        status.Summary.Should().Be("Maintenance: DB upgrade");
    }

    [Fact]
    public void Statuspage_OnlyUpcomingMaintenance_StaysOperational()
    {
        const string json = """{"status":{"indicator":"none"},"scheduled_maintenances":[{"id":"m2","name":"Later","status":"scheduled","scheduled_for":"2026-12-01T10:00:00Z"}]}""";

        _provider.Parse(Payloads.NoRules, Payloads.Of(json)).Status!.Level.Should().Be(StatusLevel.Operational);
    }

    public static TheoryData<string, byte[], string> MalformedInputs => new()
    {
        { "empty body", [], "empty" },
        { "truncated JSON", Encoding.UTF8.GetBytes("""{"status":{"indicator":"no"""), "invalid JSON" },
        { "HTML instead of JSON", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Down</body></html>"), "HTML" },
        { "array root", Encoding.UTF8.GetBytes("[1,2,3]"), "JSON object" },
        { "unrelated object", Encoding.UTF8.GetBytes("""{"hello":"world"}"""), "no 'status'" },
        { "indicator of wrong type", Encoding.UTF8.GetBytes("""{"status":{"indicator":42}}"""), "indicator" },
        { "unknown indicator", Encoding.UTF8.GetBytes("""{"status":{"indicator":"purple"}}"""), "purple" },
        { "invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "JSON" },
        { "nested 10,000 deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), "invalid JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Statuspage_MalformedInput_FailsWithReasonAndNeverThrows(string because, byte[] body, string reasonContains)
    {
        var result = _provider.Parse(Payloads.NoRules, Payloads.Of(body));

        result.IsSuccess.Should().BeFalse(because);
        result.Error.Should().StartWith("statuspage:").And.Contain(reasonContains);
    }

    [Fact]
    public void Statuspage_Utf16WithBom_IsDecoded()
    {
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("""{"status":{"indicator":"major"}}""")).ToArray();

        _provider.Parse(Payloads.NoRules, Payloads.Of(body)).Status!.Level.Should().Be(StatusLevel.PartialOutage);
    }

    [Fact]
    public void Statuspage_WrongTypesInsideItems_AreSkippedNotFatal()
    {
        const string json = """{"status":{"indicator":"none"},"components":[42,"x",{"id":"a","name":"A","status":"major_outage"}],"incidents":"nope"}""";

        var status = _provider.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.MajorOutage);
        status.Components.Should().ContainSingle().Which.Name.Should().Be("A");
        status.Incidents.Should().BeEmpty();
    }

    [Fact]
    public void IncidentIo_UsesTheSameReaderUnderItsOwnName()
    {
        var provider = new IncidentIoProvider();
        var result = provider.Parse(Payloads.NoRules, Payloads.Of(Fixtures.Read("incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json")));

        provider.Name.Should().Be("incidentio");
        result.Status!.Incidents.Single().Title.Should().Be("Elevated errors for Workspace Agent");
        result.Status.Incidents.Single().Impact.Should().Be(StatusLevel.Degraded);
        result.Status.Components.Should().OnlyContain(c => c.Group == null && c.Status == StatusLevel.Operational);
    }
}

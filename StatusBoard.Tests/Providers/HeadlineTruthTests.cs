using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers.BetterStack;
using StatusBoard.Core.Providers.Html;
using StatusBoard.Core.Providers.Instatus;
using StatusBoard.Core.Providers.Json;
using StatusBoard.Core.Providers.Slack;
using StatusBoard.Core.Providers.StatusIo;
using StatusBoard.Core.Providers.Statuspage;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>
/// The tile's summary explains the level. When the page's own headline claims something milder than what StatusBoard
/// computed, the summary says both: what we found, and what the headline says.
/// </summary>
public class HeadlineTruthTests
{
    private readonly StatuspageProvider _statuspage = new();

    [Fact]
    public void Statuspage_IndicatorNoneWithDegradedComponent_SaysBoth()
    {
        // Arrange
        var json = StatuspageJson.Summary("none", componentStatus: "degraded_performance", description: "All Systems Operational");

        // Act
        var status = _statuspage.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        // Assert
        status.Level.Should().Be(StatusLevel.Degraded);
        status.Summary.Should().Be("API: degraded performance — the page's headline says All Systems Operational");
    }

    [Fact]
    public void Statuspage_IndicatorNoneWithOpenIncident_SaysBoth()
    {
        var json = StatuspageJson.Summary("none", incidentImpact: "minor", description: "All Systems Operational");

        var status = _statuspage.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.Degraded);
        status.Summary.Should().Be("Elevated errors — the page's headline says All Systems Operational");
    }

    [Fact]
    public void Statuspage_HeadlineAgreesWithTheLevel_IsTheSummary()
    {
        var json = StatuspageJson.Summary("minor", componentStatus: "degraded_performance", description: "Minor Service Outage");

        var status = _statuspage.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Summary.Should().Be("Minor Service Outage");
    }

    [Theory]
    [InlineData("statuspage/claude-summary-2026-07-29-major.json", "Elevated errors across all models — the page's headline says Partial System Outage")]
    [InlineData("statuspage/github-summary-2022-11-25-minor-indicator-major-incident.json", "Incident with Packages and Pages — the page's headline says Minor Service Outage")]
    [InlineData("statuspage/cloudflare-summary-2026-07-29-major.json", "Workers: major outage — the page's headline says Partial System Outage")]
    [InlineData("statuspage/github-components-2021-12-10-partial-outage.json", "GitHub Actions: partial outage")]
    [InlineData("statuspage/bitbucket-summary-2026-07-31-none.json", "BitBucket Site fails to Load")]
    [InlineData("incidentio/cohere-statuspage-compat-summary-2026-07-23-major.json", "Dashboard Login Service Disruption")]
    public void Statuspage_RecordedPayload_SummaryExplainsTheLevel(string fixture, string summary)
    {
        var status = _statuspage.Parse(Payloads.NoRules, Payloads.Of(Fixtures.Read(fixture))).Status!;

        status.Summary.Should().Be(summary);
    }

    [Fact]
    public void Instatus_UpWithAnActiveIncident_SaysBoth()
    {
        const string json = """{"page":{"name":"X","url":"https://x.test","status":"UP"},"activeIncidents":[{"id":"i","name":"Login errors","status":"INVESTIGATING","impact":"PARTIALOUTAGE"}]}""";

        var status = new InstatusProvider().Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.PartialOutage);
        status.Summary.Should().Be("Login errors — the page's headline says All systems operational");
    }

    [Fact]
    public void Slack_OkWithAnActiveIncident_SaysBoth()
    {
        const string json = """{"status":"ok","active_incidents":[{"id":1,"title":"Slow messages","type":"incident","status":"active","services":["Messaging"]}]}""";

        var status = new SlackProvider().Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.PartialOutage);
        status.Summary.Should().Be("Slow messages — the page's headline says All systems operational");
    }

    [Fact]
    public void StatusIo_OperationalWithADegradedContainer_SaysBoth()
    {
        const string json = """
            {"result":{"status_overall":{"status":"Operational","status_code":100},
              "status":[{"id":"w","name":"Website","status_code":100,"containers":[{"id":"c","name":"us-east","status_code":300}]}],
              "incidents":[],"maintenance":{"active":[],"upcoming":[]}}}
            """;

        var status = new StatusIoProvider().Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.Degraded);
        status.Summary.Should().Be("Website: degraded performance — the page's headline says Operational");
    }

    [Fact]
    public void BetterStack_OperationalWithMaintenanceInProgress_SaysBoth()
    {
        const string json = """
            {"data":{"attributes":{"aggregate_state":"operational"}},
             "included":[{"type":"status_page_resource","id":"r1","attributes":{"public_name":"API","status":"operational"}},
                         {"type":"status_report","id":"m1","attributes":{"title":"DB upgrade","report_type":"maintenance","aggregate_state":"maintenance",
                          "starts_at":"2026-11-25T10:00:00Z","ends_at":"2026-11-25T14:00:00Z"}}]}
            """;
        var provider = new BetterStackProvider(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        var status = provider.Parse(Payloads.NoRules, Payloads.Of(json)).Status!;

        status.Level.Should().Be(StatusLevel.Maintenance);
        status.Summary.Should().Be("Maintenance: DB upgrade — the page's headline says All services are online");
    }

    [Fact]
    public void Html_OperationalBannerWithADegradedComponent_SaysBoth()
    {
        var entry = RuleEntries.Input(
            "{'html':{'select':'.banner','rules':[{'match':'(?i)operational','level':'operational'},{'match':'(?i)degraded','level':'degraded'}]," +
            "'components':{'items':'li','name':'.n','status':'.s'}}}");
        const string page = "<div class='banner'>All Systems Operational</div><ul><li><span class='n'>Search</span><span class='s'>Degraded</span></li></ul>";

        var status = new HtmlProvider().Parse(entry, Payloads.Of(page)).Status!;

        status.Level.Should().Be(StatusLevel.Degraded);
        status.Summary.Should().Be("Search: degraded performance — the page's headline says All Systems Operational");
    }

    [Fact]
    public void Json_OperationalStatusWithADegradedComponent_SaysBoth()
    {
        var entry = RuleEntries.Input(
            "{'json':{'status':'$.state','map':{'ok':'operational','warn':'degraded'},'summary':'$.message','components':{'items':'$.parts','name':'$.label','status':'$.state'}}}");
        const string body = """{"state":"ok","message":"All good here","parts":[{"label":"API","state":"warn"}]}""";

        var status = new JsonProvider().Parse(entry, Payloads.Of(body)).Status!;

        status.Level.Should().Be(StatusLevel.Degraded);
        status.Summary.Should().Be("API: degraded performance — the page's headline says All good here");
    }
}

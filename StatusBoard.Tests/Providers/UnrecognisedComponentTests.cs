using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.BetterStack;
using StatusBoard.Core.Providers.GitHub;
using StatusBoard.Core.Providers.GoogleCloud;
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
/// Defect 12: one component status a provider does not recognise must not turn the whole service unknown. The
/// component shows as unknown with the raw value in its name; the service's level comes from what was understood.
/// </summary>
public class UnrecognisedComponentTests
{
    public static TheoryData<string, string, StatusLevel> StatuspageReaders => new()
    {
        { "statuspage", "none", StatusLevel.Operational },
        { "statuspage", "minor", StatusLevel.Degraded },
        { "incidentio", "none", StatusLevel.Operational },
        { "github", "major", StatusLevel.PartialOutage },
    };

    private static IStatusProvider StatuspageReader(string name) => name switch
    {
        "incidentio" => new IncidentIoProvider(),
        "github" => new GitHubProvider(),
        _ => new StatuspageProvider(),
    };

    [Theory]
    [MemberData(nameof(StatuspageReaders))]
    public void Statuspage_UnrecognisedComponentStatus_KeepsThePageLevel_AndShowsTheRawValue(string provider, string indicator, StatusLevel expected)
    {
        // Act
        var result = StatuspageReader(provider).Parse(Payloads.NoRules, Payloads.Of(StatuspageJson.Summary(indicator, componentStatus: "purple_haze")));

        // Assert
        result.Error.Should().BeNull();
        result.Status!.Level.Should().Be(expected);
        var component = result.Status.Components.Single(c => c.Id == "c1");
        component.Status.Should().Be(StatusLevel.Unknown);
        component.Name.Should().Contain("API").And.Contain("purple_haze");
    }

    [Fact]
    public void StatusIo_UnrecognisedContainerCode_KeepsThePageLevel_AndShowsTheRawValue()
    {
        // Arrange
        const string json = """
            {"result":{"status_overall":{"status":"Operational","status_code":100},
              "status":[{"id":"w","name":"Website","status_code":100,"containers":[{"id":"c","name":"us-east","status_code":999}]},
                        {"id":"g","name":"Git","status_code":100,"containers":[{"id":"c","name":"us-east","status_code":100}]}],
              "incidents":[],"maintenance":{"active":[],"upcoming":[]}}}
            """;

        // Act
        var result = new StatusIoProvider().Parse(Payloads.NoRules, Payloads.Of(json));

        // Assert
        result.Status!.Level.Should().Be(StatusLevel.Operational);
        var component = result.Status.Components.Single(c => c.Id == "w/c");
        component.Status.Should().Be(StatusLevel.Unknown);
        component.Name.Should().Contain("Website").And.Contain("999");
    }

    [Fact]
    public void Json_UnmappedComponentValue_KeepsTheStatusLevel_AndShowsTheRawValue()
    {
        // Arrange
        var entry = RuleEntries.Input(
            "{'json':{'status':'$.state','map':{'ok':'operational','warn':'degraded'},'components':{'items':'$.parts','name':'$.label','status':'$.state'}}}");
        const string body = """{"state":"warn","parts":[{"label":"API","state":"exploded"},{"label":"Web","state":"ok"}]}""";

        // Act
        var result = new JsonProvider().Parse(entry, Payloads.Of(body));

        // Assert
        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        var component = result.Status.Components.Single(c => c.Id == "API");
        component.Status.Should().Be(StatusLevel.Unknown);
        component.Name.Should().Contain("exploded");
    }

    [Fact]
    public void Html_UnmatchedComponentStatus_KeepsTheBannerLevel_AndShowsTheRawText()
    {
        // Arrange
        var entry = RuleEntries.Input(
            "{'html':{'select':'.banner','rules':[{'match':'(?i)operational','level':'operational'},{'match':'(?i)degraded','level':'degraded'}]," +
            "'components':{'items':'li','name':'.n','status':'.s'}}}");
        const string page = "<div class='banner'>All Systems Operational</div><ul><li><span class='n'>Search</span><span class='s'>Purple</span></li></ul>";

        // Act
        var result = new HtmlProvider().Parse(entry, Payloads.Of(page));

        // Assert
        result.Status!.Level.Should().Be(StatusLevel.Operational);
        var component = result.Status.Components.Single(c => c.Id == "Search");
        component.Status.Should().Be(StatusLevel.Unknown);
        component.Name.Should().Contain("Purple");
    }

    [Fact]
    public void BetterStack_UnrecognisedResourceStatus_ShowsTheRawValue_LevelFromTheAggregateState()
    {
        // Arrange
        const string json = """
            {"data":{"attributes":{"aggregate_state":"degraded"}},
             "included":[{"type":"status_page_resource","id":"r1","attributes":{"public_name":"API","status":"not_monitored"}},
                         {"type":"status_page_resource","id":"r2","attributes":{"public_name":"Web","status":"degraded"}}]}
            """;
        var provider = new BetterStackProvider(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        // Act
        var result = provider.Parse(Payloads.NoRules, Payloads.Of(json));

        // Assert
        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        var component = result.Status.Components.Single(c => c.Id == "r1");
        component.Status.Should().Be(StatusLevel.Unknown);
        component.Name.Should().Contain("API").And.Contain("not_monitored");
    }

    // Not defects: these providers never produce an unknown component (their components come from incidents, or
    // they list none), and an unrecognised value is read by its words or as degraded, never as unknown.
    [Fact]
    public void Instatus_UndocumentedIncidentImpact_IsReadByItsWords_NotUnknown()
    {
        const string json = """{"page":{"name":"X","url":"https://x.test","status":"HASISSUES"},"activeIncidents":[{"id":"i","name":"Odd","status":"INVESTIGATING","impact":"SOMETHINGNEW"}]}""";

        var result = new InstatusProvider().Parse(Payloads.NoRules, Payloads.Of(json));

        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        result.Status.Components.Should().BeEmpty();
    }

    [Fact]
    public void Slack_UnknownItemType_IsDegraded_AndItsComponentToo()
    {
        const string json = """{"status":"active","active_incidents":[{"id":1,"title":"Odd","type":"whatever","status":"active","services":["Huddles"]}]}""";

        var result = new SlackProvider().Parse(Payloads.NoRules, Payloads.Of(json));

        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        result.Status.Components.Should().ContainSingle().Which.Status.Should().Be(StatusLevel.Degraded);
    }

    [Fact]
    public void GoogleCloud_UnknownImpact_IsDegraded_AndItsComponentToo()
    {
        const string json = """[{"id":"1","external_desc":"Odd","begin":"2026-11-25T10:00:00Z","status_impact":"SERVICE_SOMETHING","affected_products":[{"title":"BigQuery"}]}]""";

        var result = new GoogleCloudProvider().Parse(Payloads.NoRules, Payloads.Of(json));

        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        result.Status.Components.Should().ContainSingle().Which.Status.Should().Be(StatusLevel.Degraded);
    }
}

/// <summary>A <c>components</c> filter still finds a component whose status was not recognised, by its own name.</summary>
public class ComponentFilterUnrecognisedTests
{
    private static readonly ParsedStatus s_parsed = new StatuspageProvider()
        .Parse(Payloads.NoRules, Payloads.Of(StatuspageJson.Summary("none", componentStatus: "purple_haze"))).Status!;

    [Fact]
    public void Filter_MatchesAnUnrecognisedComponentByItsOwnName_AndItDoesNotSetTheLevel()
    {
        // Act
        var filtered = ComponentFilter.Apply(["API", "Web"], s_parsed);

        // Assert
        filtered.Error.Should().BeNull("the filter names the component, whatever its status says");
        filtered.Status!.Level.Should().Be(StatusLevel.Operational, "Web is read and operational; API is not read");
        filtered.Status.Components.Single(c => c.Id == "c1").Watched.Should().BeTrue();
    }

    [Fact]
    public void Filter_WatchingOnlyUnrecognisedComponents_IsUnknownWithAReason()
    {
        var filtered = ComponentFilter.Apply(["API"], s_parsed);

        filtered.IsSuccess.Should().BeFalse("nothing watched could be read, so the level cannot be told");
        filtered.Error.Should().Contain("not recognised").And.Contain("purple_haze");
    }

    [Fact]
    public void Statuspage_ComponentsOnlyPayloadWithNothingRecognised_IsUnknownWithAReason()
    {
        const string json = """{"components":[{"id":"a","name":"API","status":"purple_haze"}]}""";

        var result = new StatuspageProvider().Parse(Payloads.NoRules, Payloads.Of(json));

        result.IsSuccess.Should().BeFalse("without an indicator nothing on this page could be read");
        result.Error.Should().StartWith("statuspage:").And.Contain("purple_haze");
    }
}

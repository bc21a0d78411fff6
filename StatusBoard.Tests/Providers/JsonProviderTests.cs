using StatusBoard.Core.Providers.Json;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

public class JsonProviderTests
{
    private readonly JsonProvider _provider = new();

    private const string IssueExample =
        "{'json':{'status':'$.health.state','map':{'ok':'operational','warn':'degraded'},'default':'unknown','summary':'$.health.message'," +
        "'updatedAt':'$.health.ts','components':{'items':'$.parts','name':'$.label','status':'$.state'}}}";

    private static string Payload(string state, string partState = "ok") =>
        $"{{\"health\":{{\"state\":\"{state}\",\"message\":\"All good here\",\"ts\":\"2026-11-25T10:00:00Z\"}},\"parts\":[{{\"label\":\"API\",\"state\":\"{partState}\"}},{{\"label\":\"Web\",\"state\":\"OK\"}}]}}";

    [Theory]
    [InlineData("ok", "ok", StatusLevel.Operational)]
    [InlineData("OK", "ok", StatusLevel.Operational)]
    [InlineData("warn", "ok", StatusLevel.Degraded)]
    [InlineData("ok", "warn", StatusLevel.Degraded)]
    [InlineData("major_outage", "ok", StatusLevel.MajorOutage)]
    [InlineData("exploded", "ok", StatusLevel.Unknown)]
    public void IssueExample_MapsStatusAndComponents(string state, string partState, StatusLevel expected)
    {
        var result = _provider.Parse(RuleEntries.Input(IssueExample), Payloads.Of(Payload(state, partState)));

        result.Error.Should().BeNull();
        result.Status!.Level.Should().Be(expected);
        result.Status.Components.Select(c => (c.Name, c.Status)).Should().Equal(
            ("API", partState == "ok" ? StatusLevel.Operational : StatusLevel.Degraded), ("Web", StatusLevel.Operational));
        result.Status.Summary.Should().Be(
            state == "exploded" ? "json: value 'exploded' at $.health.state is not in the map"
            // The API's own message says all is well while a component is degraded: the summary says both.
            : state == "ok" && partState == "warn" ? "API: degraded performance — the page's headline says All good here"
            : "All good here");
    }

    [Fact]
    public void FilterPath_SelectsOneComponentsStatus()
    {
        var entry = RuleEntries.Input("{`json`:{`status`:`$.components[?(@.name=='API')].status`,`map`:{`up`:`operational`,`down`:`major_outage`}}}".Replace('`', '"'), quotes: false);
        var body = "{\"components\":[{\"name\":\"Web\",\"status\":\"up\"},{\"name\":\"API\",\"status\":\"down\"}]}";

        _provider.Parse(entry, Payloads.Of(body)).Status!.Level.Should().Be(StatusLevel.MajorOutage);
    }

    [Fact]
    public void NumberStatus_IsMappedByItsText()
    {
        var entry = RuleEntries.Input("{'json':{'status':'$.code','map':{'0':'operational','3':'major_outage'}}}");

        _provider.Parse(entry, Payloads.Of("{\"code\":3}")).Status!.Level.Should().Be(StatusLevel.MajorOutage);
    }

    [Fact]
    public void DefaultAppliesToUnmappedValues()
    {
        var entry = RuleEntries.Input("{'json':{'status':'$.s','map':{'fine':'operational'},'default':'degraded'}}");

        _provider.Parse(entry, Payloads.Of("{\"s\":\"weird\"}")).Status!.Level.Should().Be(StatusLevel.Degraded);
    }

    [Fact]
    public void StatusPathMatchingNothing_IsUnknownNamingThePath()
    {
        var result = _provider.Parse(RuleEntries.Input(IssueExample), Payloads.Of("{\"other\":1}"));

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Be("json: the status path $.health.state matches nothing in the payload");
    }

    [Theory]
    [InlineData("{'json':{'map':{'ok':'operational'}}}", "StatusBoard:Services:0:json:status is required")]
    [InlineData("{'json':{'status':'$.a[1'}}", "StatusBoard:Services:0:json:status '$.a[1' is not a valid JSONPath")]
    [InlineData("{'json':{'status':'$.a','map':{'ok':'fine'}}}", "StatusBoard:Services:0:json:map:ok 'fine' is not one of")]
    [InlineData("{'json':{'status':'$.a','default':'bad'}}", "StatusBoard:Services:0:json:default 'bad' is not one of")]
    [InlineData("{'json':{'status':'$.a','components':{'items':'$.p'}}}", "StatusBoard:Services:0:json:components:name is required")]
    [InlineData("{}", "StatusBoard:Services:0:json is required")]
    public void BadRules_AreStartUpErrorsNamingTheKey(string entry, string expected)
    {
        _provider.Validate(RuleEntries.Input(entry)).Should().Contain(e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<html><body>Oops</body></html>", "HTML")]
    [InlineData("{\"health\":{\"state\":", "invalid JSON")]
    public void HostileBody_IsUnknownWithReason(string body, string reason)
    {
        var result = _provider.Parse(RuleEntries.Input(IssueExample), Payloads.Of(body));

        result.Error.Should().StartWith("json:").And.Contain(reason);
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);

        _provider.Parse(RuleEntries.Input(IssueExample), Payloads.Of(body)).Error.Should().StartWith("json: invalid JSON");
    }
}

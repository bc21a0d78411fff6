using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.BetterStack;
using StatusBoard.Core.Providers.GitHub;
using StatusBoard.Core.Providers.GoogleCloud;
using StatusBoard.Core.Providers.Instatus;
using StatusBoard.Core.Providers.Slack;
using StatusBoard.Core.Providers.StatusIo;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>Every level each platform can report, on small payloads of our own in the platforms' documented shapes.</summary>
public class PlatformLevelTests
{
    private static readonly FakeTimeProvider s_time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private static StatusLevel LevelOf(IStatusProvider provider, string json)
    {
        var result = provider.Parse(Payloads.NoRules, Payloads.Of(json.Replace('\'', '"')));
        result.Error.Should().BeNull();
        return result.Status!.Level;
    }

    [Theory]
    [InlineData("good", StatusLevel.Operational)]
    [InlineData("minor", StatusLevel.Degraded)]
    [InlineData("major", StatusLevel.MajorOutage)]
    public void GitHubLegacy(string status, StatusLevel expected) =>
        LevelOf(new GitHubProvider(), $"{{'status':'{status}','last_updated':'2016-10-20T21:00:27Z'}}").Should().Be(expected);

    [Theory]
    [InlineData("{'page':{'status':'UP'}}", StatusLevel.Operational)]
    [InlineData("{'page':{'status':'UNDERMAINTENANCE'}}", StatusLevel.Maintenance)]
    [InlineData("{'page':{'status':'HASISSUES'}}", StatusLevel.Degraded)]
    [InlineData("{'page':{'status':'HASISSUES'},'activeIncidents':[{'id':'a','name':'x','status':'INVESTIGATING','impact':'PARTIALOUTAGE'}]}", StatusLevel.PartialOutage)]
    [InlineData("{'page':{'status':'HASISSUES'},'activeIncidents':[{'id':'a','name':'x','status':'INVESTIGATING','impact':'DEGRADEDPERFORMANCE'}]}", StatusLevel.Degraded)]
    [InlineData("{'page':{'status':'HASISSUES'},'activeIncidents':[{'id':'a','name':'x','status':'IDENTIFIED','impact':'MAJOROUTAGE'}]}", StatusLevel.MajorOutage)]
    [InlineData("{'page':{'status':'SOMEPARTIALOUTAGE'}}", StatusLevel.PartialOutage)]
    [InlineData("{'page':{'status':'SOMETHINGNEW'}}", StatusLevel.Degraded)]
    [InlineData("{'page':{'status':'UP'},'activeMaintenances':[{'id':'m','name':'db','start':'2026-11-25T11:00:00Z','status':'INPROGRESS','duration':'120'}]}", StatusLevel.Maintenance)]
    [InlineData("{'page':{'status':'UP'},'activeMaintenances':[{'id':'m','name':'db','start':'2026-11-26T11:00:00Z','status':'NOTSTARTEDYET','duration':'60'}]}", StatusLevel.Operational)]
    public void Instatus(string json, StatusLevel expected) => LevelOf(new InstatusProvider(), json).Should().Be(expected);

    [Theory]
    [InlineData("[]", StatusLevel.Operational)]
    [InlineData("[{'id':'a','begin':'2026-11-25T10:00:00Z','end':'2026-11-25T11:00:00Z','status_impact':'SERVICE_OUTAGE','external_desc':'old'}]", StatusLevel.Operational)]
    [InlineData("[{'id':'a','begin':'2026-11-25T10:00:00Z','status_impact':'SERVICE_INFORMATION','external_desc':'x'}]", StatusLevel.Degraded)]
    [InlineData("[{'id':'a','begin':'2026-11-25T10:00:00Z','status_impact':'SERVICE_DISRUPTION','external_desc':'x'}]", StatusLevel.PartialOutage)]
    [InlineData("[{'id':'a','begin':'2026-11-25T10:00:00Z','end':null,'status_impact':'SERVICE_OUTAGE','external_desc':'x'}]", StatusLevel.MajorOutage)]
    [InlineData("[{'number':1,'begin':'2020-08-20T10:00:00Z','severity':'low','external_desc':'x'}]", StatusLevel.Degraded)]
    [InlineData("[{'number':1,'begin':'2020-08-20T10:00:00Z','severity':'medium','external_desc':'x'}]", StatusLevel.PartialOutage)]
    [InlineData("[{'number':1,'begin':'2020-08-20T10:00:00Z','severity':'high','external_desc':'x'}]", StatusLevel.MajorOutage)]
    public void GoogleCloud(string json, StatusLevel expected) => LevelOf(new GoogleCloudProvider(), json).Should().Be(expected);

    [Theory]
    [InlineData("{'status':'ok','active_incidents':[]}", StatusLevel.Operational)]
    [InlineData("{'status':'active','active_incidents':[{'id':1,'title':'t','type':'notice','status':'active','services':['Login/SSO']}]}", StatusLevel.Degraded)]
    [InlineData("{'status':'active','active_incidents':[{'id':1,'title':'t','type':'incident','status':'active','services':[]}]}", StatusLevel.PartialOutage)]
    [InlineData("{'status':'active','active_incidents':[{'id':'1','title':'t','type':'outage','status':'active','services':['Messaging']}]}", StatusLevel.MajorOutage)]
    [InlineData("{'status':'active','active_incidents':[{'id':1,'title':'t','type':'maintenance','status':'active'}]}", StatusLevel.Maintenance)]
    [InlineData("{'status':'ok','active_incidents':[{'id':1,'title':'t','type':'maintenance','status':'scheduled'}]}", StatusLevel.Operational)]
    public void Slack(string json, StatusLevel expected) => LevelOf(new SlackProvider(), json).Should().Be(expected);

    [Theory]
    [InlineData(100, StatusLevel.Operational)]
    [InlineData(200, StatusLevel.Maintenance)]
    [InlineData(300, StatusLevel.Degraded)]
    [InlineData(400, StatusLevel.PartialOutage)]
    [InlineData(500, StatusLevel.MajorOutage)]
    [InlineData(600, StatusLevel.MajorOutage)]
    public void StatusIo_OverallCode(int code, StatusLevel expected) =>
        LevelOf(new StatusIoProvider(), $"{{'result':{{'status_overall':{{'status':'x','status_code':{code}}},'status':[],'incidents':[],'maintenance':{{'active':[],'upcoming':[]}}}}}}")
            .Should().Be(expected);

    [Fact]
    public void StatusIo_AContainerWorseThanTheOverallCode_Wins()
    {
        var json = "{'result':{'status_overall':{'status':'Operational','status_code':100},'status':[{'id':'c','name':'API','status_code':100," +
                   "'containers':[{'id':'eu','name':'eu-west-1','status_code':100},{'id':'us','name':'us-east-1','status_code':500}]}]," +
                   "'incidents':[],'maintenance':{'active':[],'upcoming':[]}}}";

        var result = new StatusIoProvider().Parse(Payloads.NoRules, Payloads.Of(json.Replace('\'', '"')));

        result.Status!.Level.Should().Be(StatusLevel.MajorOutage);
        result.Status.Components.Select(c => c.Name).Should().Equal("API (eu-west-1)", "API (us-east-1)");
    }

    [Theory]
    [InlineData("operational", "operational", StatusLevel.Operational)]
    [InlineData("degraded", "degraded", StatusLevel.Degraded)]
    [InlineData("downtime", "operational", StatusLevel.PartialOutage)]
    [InlineData("downtime", "downtime", StatusLevel.MajorOutage)]
    [InlineData("maintenance", "maintenance", StatusLevel.Maintenance)]
    public void BetterStack(string pageState, string otherResource, StatusLevel expected)
    {
        var json = $"{{'data':{{'id':'1','type':'status_page','attributes':{{'aggregate_state':'{pageState}'}}}},'included':[" +
                   $"{{'id':'r1','type':'status_page_resource','attributes':{{'public_name':'API','status':'{(pageState == "operational" ? "operational" : pageState)}'}}}}," +
                   $"{{'id':'r2','type':'status_page_resource','attributes':{{'public_name':'Web','status':'{otherResource}'}}}}]}}";

        LevelOf(new BetterStackProvider(s_time), json).Should().Be(expected);
    }
}

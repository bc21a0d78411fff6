using System.Text;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers.Rss;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

public class RssProviderTests
{
    private static RssProvider At(int year, int month, int day, int hour) =>
        new(new FakeTimeProvider(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero)));

    private static readonly StatusBoard.Core.Providers.ProviderInput s_defaults = RuleEntries.Input("{}");

    [Fact]
    public void Azure_ActiveItemWithinTheWindow_IsAnIncident_WithServicesAsItsComponents()
    {
        var result = At(2026, 7, 23, 18).Parse(s_defaults, Payloads.Of(Fixtures.Read("azure/azure-status-feed-2026-07-23-active.xml")));

        result.Error.Should().BeNull();
        result.Status!.Level.Should().Be(StatusLevel.Degraded, "no rule word (outage, disruption) in it: the default level");
        var incident = result.Status.Incidents.Should().ContainSingle().Subject;
        incident.Title.Should().Be("Issues connecting to resources in West US");
        incident.StartedAt.Should().Be(new DateTimeOffset(2026, 7, 23, 16, 29, 9, TimeSpan.Zero));
        incident.Components.Should().Contain("App Service");
        incident.Updates.Should().ContainSingle().Which.Body.Should().NotContain("<").And.NotBeEmpty();
        result.Status.Summary.Should().Be("Issues connecting to resources in West US");
    }

    [Fact]
    public void Azure_SameItemAfterTheWindow_IsOperational()
    {
        var result = At(2026, 7, 25, 18).Parse(s_defaults, Payloads.Of(Fixtures.Read("azure/azure-status-feed-2026-07-23-active.xml")));

        result.Status!.Level.Should().Be(StatusLevel.Operational);
        result.Status.Summary.Should().Be("No open incidents in the feed's last 1 day");
    }

    [Fact]
    public void Azure_EmptyChannel_IsOperational()
    {
        At(2026, 8, 1, 12).Parse(s_defaults, Payloads.Of(Fixtures.Read("azure/azure-status-feed-2026-08-01-empty.xml"))).Status!.Level
            .Should().Be(StatusLevel.Operational);
    }

    [Fact]
    public void XAi_ItemsResolvedOnlyByCategory_AreOperational()
    {
        var result = At(2026, 7, 7, 18).Parse(s_defaults, Payloads.Of(Fixtures.Read("rss/xai-status-feed-2026-07-07-resolved.xml")));

        result.Status!.Level.Should().Be(StatusLevel.Operational);
        result.Status.Incidents.Should().BeEmpty();
    }

    [Fact]
    public void Aws_EventInProgress_WithPdtDates_IsDegraded()
    {
        // 2019-08-23 01:00 UTC: "Service degradation" posts are out, "operating normally" (04:18 PDT) is not yet.
        var feed = Fixtures.Read("aws/aws-rss-ec2-ap-northeast-1-2019-09-07.xml");
        var before = OnlyItemsUpTo(feed, new DateTimeOffset(2019, 8, 23, 9, 0, 0, TimeSpan.Zero));
        var result = At(2019, 8, 23, 9).Parse(s_defaults, Payloads.Of(before));

        result.Status!.Level.Should().Be(StatusLevel.Degraded);
        result.Status.Incidents.Should().NotBeEmpty().And.OnlyContain(i => i.Title.Contains("Instance Availability"));
    }

    [Fact]
    public void Aws_OperatingNormallyPost_ResolvesTheEarlierPostsOfTheSameEvent()
    {
        var result = At(2019, 8, 23, 12).Parse(s_defaults, Payloads.Of(Fixtures.Read("aws/aws-rss-ec2-ap-northeast-1-2019-09-07.xml")));

        result.Status!.Level.Should().Be(StatusLevel.Operational);
    }

    [Theory]
    [InlineData("Major outage of the API", StatusLevel.PartialOutage)]
    [InlineData("Service disruption in eu-west-1", StatusLevel.PartialOutage)]
    [InlineData("Elevated latency", StatusLevel.Degraded)]
    [InlineData("[Resolved] Elevated latency", StatusLevel.Operational)]
    public void DefaultRules_OnACustomFeed(string title, StatusLevel expected)
    {
        var feed = $"<rss version='2.0'><channel><title>x</title><item><title>{title}</title><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>";

        At(2026, 11, 25, 12).Parse(s_defaults, Payloads.Of(feed)).Status!.Level.Should().Be(expected);
    }

    [Fact]
    public void AtomFeed_WithCustomRulesAndWindow()
    {
        var entry = RuleEntries.Input("{'rss':{'window':'02:00:00','resolved':['(?i)fixed'],'rules':[{'match':'(?i)down','level':'major_outage'}],'default':'partial_outage'}}");
        var feed = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>" +
                   "<entry><id>1</id><title>Login down</title><updated>2026-11-25T11:30:00Z</updated><content type='html'>&lt;p&gt;Investigating&lt;/p&gt;</content><link href='https://s.example/1'/></entry>" +
                   "<entry><id>2</id><title>Search slow</title><updated>2026-11-25T11:00:00Z</updated></entry>" +
                   "<entry><id>3</id><title>Billing broken</title><updated>2026-11-25T08:00:00Z</updated></entry>" +
                   "<entry><id>4</id><title>Export fixed</title><updated>2026-11-25T11:45:00Z</updated></entry></feed>";

        var result = At(2026, 11, 25, 12).Parse(entry, Payloads.Of(feed)).Status!;

        result.Level.Should().Be(StatusLevel.MajorOutage);
        result.Incidents.Select(i => (i.Title, i.Impact)).Should().Equal(("Login down", StatusLevel.MajorOutage), ("Search slow", StatusLevel.PartialOutage));
        result.Incidents[0].Url.Should().Be("https://s.example/1");
        result.Incidents[0].Updates.Single().Body.Should().Be("Investigating");
    }

    [Fact]
    public void ExternalEntity_IsRefused_AndItsContentNeverAppears()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"statusboard-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        var feed = $"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file://{secret}'>]><rss version='2.0'><channel><item><title>&xxe; outage</title><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>";

        var result = At(2026, 11, 25, 12).Parse(s_defaults, Payloads.Of(feed));

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Be("rss: the feed declares a DTD, which is refused (no entities are expanded)");
        result.Error.Should().NotContain("TOP-SECRET");
        File.Delete(secret);
    }

    [Theory]
    [InlineData("", "rss: the response body is empty")]
    [InlineData("{\"status\":\"ok\"}", "rss: not well-formed XML")]
    [InlineData("<rss><channel><item><title>cut", "rss: not well-formed XML")]
    [InlineData("<html><body>hi</body></html>", "rss: the XML root is <html>, not an RSS or Atom feed")]
    public void HostileBodies_AreUnknownWithReason(string body, string expected)
    {
        At(2026, 11, 25, 12).Parse(s_defaults, Payloads.Of(body)).Error.Should().StartWith(expected);
    }

    [Theory]
    [InlineData("{'rss':{'window':'soon'}}", "StatusBoard:Services:0:rss:window 'soon' is not a positive time span")]
    [InlineData("{'rss':{'resolved':['(']}}", "StatusBoard:Services:0:rss:resolved:0 '(' is not a valid regular expression")]
    [InlineData("{'rss':{'default':'purple'}}", "StatusBoard:Services:0:rss:default 'purple' is not one of")]
    public void BadRules_AreStartUpErrorsNamingTheKey(string entry, string expected)
    {
        At(2026, 11, 25, 12).Validate(RuleEntries.Input(entry)).Should().Contain(e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    /// <summary>The recorded feed as it was at an earlier moment: items published after it removed.</summary>
    private static byte[] OnlyItemsUpTo(byte[] feed, DateTimeOffset moment)
    {
        var xml = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(feed));
        foreach (var item in xml.Descendants("item").ToArray())
        {
            var date = item.Element("pubDate")!.Value.Replace("PDT", "-07:00", StringComparison.Ordinal);
            if (DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture) > moment)
            {
                item.Remove();
            }
        }
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}

using System.Text;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Providers.Html;
using StatusBoard.Core.Providers.Rss;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>
/// Defect 9: a rule whose regex times out must not silently count as "no match" (an RSS incident would stay open,
/// an html page would fall through to the next rule). It makes the service unknown with a reason naming the rule.
/// </summary>
public class RuleTimeoutTests
{
    // Nested quantifiers on a run of 'a' that cannot match: exponential backtracking, so the rule's timeout fires.
    private const string Catastrophic = "(a+)+$";
    private static readonly string s_hostileText = new string('a', 40) + "!";

    private static readonly RssProvider s_rss = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

    private static byte[] FeedWithOneRecentItem() => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>t</title>
          <item><title>{s_hostileText}</title><guid>1</guid><pubDate>Wed, 25 Nov 2026 11:00:00 GMT</pubDate></item>
        </channel></rss>
        """);

    [Fact]
    public void Rss_ResolvedPatternTimesOut_IsUnknownNamingTheRule()
    {
        // Arrange
        var entry = RuleEntries.Input($"{{'rss':{{'resolved':['{Catastrophic}']}}}}");

        // Act
        var result = s_rss.Parse(entry, Payloads.Of(FeedWithOneRecentItem()));

        // Assert
        result.IsSuccess.Should().BeFalse("a resolved-rule that gave up cannot say the incident is still open");
        result.Error.Should().StartWith("rss:").And.Contain("StatusBoard:Services:0:rss:resolved:0").And.Contain("timed out");
    }

    [Fact]
    public void Rss_LevelRuleTimesOut_IsUnknownNamingTheRule()
    {
        // Arrange
        var entry = RuleEntries.Input($"{{'rss':{{'rules':[{{'match':'{Catastrophic}','level':'major_outage'}}]}}}}");

        // Act
        var result = s_rss.Parse(entry, Payloads.Of(FeedWithOneRecentItem()));

        // Assert
        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain("StatusBoard:Services:0:rss:rules:0:match").And.Contain("timed out");
    }

    [Fact]
    public void Html_LevelRuleTimesOut_IsUnknownNamingTheRule_NotTheNextRule()
    {
        // Arrange
        var entry = RuleEntries.Input(
            $"{{'html':{{'select':'.banner','rules':[{{'match':'{Catastrophic}','level':'major_outage'}},{{'match':'.','level':'operational'}}]}}}}");
        var page = $"<html><body><div class='banner'>{s_hostileText}</div></body></html>";

        // Act
        var result = new HtmlProvider().Parse(entry, Payloads.Of(page));

        // Assert
        result.IsSuccess.Should().BeFalse("the rule that timed out might have said major outage");
        result.Error.Should().StartWith("html:").And.Contain("StatusBoard:Services:0:html:rules:0:match").And.Contain("timed out");
    }

    [Fact]
    public void Html_ComponentStatusRuleTimesOut_IsUnknownNamingTheRule()
    {
        // Arrange
        var entry = RuleEntries.Input(
            $"{{'html':{{'select':'.banner','rules':[{{'match':'{Catastrophic}','level':'major_outage'}},{{'match':'.','level':'operational'}}]," +
            "'components':{'items':'li','name':'.n','status':'.s'}}}");
        var page = $"<html><body><div class='banner'>!</div><ul><li><span class='n'>API</span><span class='s'>{s_hostileText}</span></li></ul></body></html>";

        // Act
        var result = new HtmlProvider().Parse(entry, Payloads.Of(page));

        // Assert
        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain("StatusBoard:Services:0:html:rules:0:match").And.Contain("timed out");
    }
}

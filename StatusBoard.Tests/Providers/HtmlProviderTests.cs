using System.Diagnostics;
using System.Text;
using StatusBoard.Core.Providers.Html;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>The html provider on recorded Statuspage HTML pages (2021), with rules a user would write for them.</summary>
public class HtmlProviderTests
{
    private readonly HtmlProvider _provider = new();

    // The page's level is in <body class="status-…">; each component's in its .component-status text.
    private const string StatuspageHtmlRules =
        "{'html':{'select':'body','read':'class','rules':[" +
        "{'match':'(?i)status-critical|major outage','level':'major_outage'}," +
        "{'match':'(?i)status-major|partial outage','level':'partial_outage'}," +
        "{'match':'(?i)status-minor|degraded','level':'degraded'}," +
        "{'match':'(?i)status-maintenance|under maintenance','level':'maintenance'}," +
        "{'match':'(?i)status-none|operational','level':'operational'}]," +
        "'default':'unknown','summary':'.page-status .status, .unresolved-incident .incident-title'," +
        "'components':{'items':'.component-inner-container','name':'.name','status':'.component-status','read':'text'}}}";

    [Theory]
    [InlineData("html/statuspage-1password-2021-01-none.html", StatusLevel.Operational, 39, "All Systems Operational")]
    [InlineData("html/statuspage-acmeapico-demo-2021-01-critical-incidents.html", StatusLevel.MajorOutage, 18, null)]
    [InlineData("html/statuspage-aquafadas-2021-01-minor-degraded.html", StatusLevel.Degraded, 24, null)]
    [InlineData("html/statuspage-atlassianstride-2021-01-scheduled-maintenance.html", StatusLevel.Operational, 0, null)]
    [InlineData("html/statuspage-clickfunnels-2021-01-minor-partial-outage.html", StatusLevel.PartialOutage, 107, "CloudFlare MAA - Chennai, Tamil Nadu, India (+2 more): partial outage — the page's headline says Experiencing Issues with CloudFlare MAA - Chennai, Tamil Nadu, India, CloudFlare BOM - Mumbai, Maharashtra, India, and CloudFlare JNB - Johannesburg, South Africa")]
    [InlineData("html/statuspage-python-infra-2021-01-major-incident.html", StatusLevel.PartialOutage, 105, null)]
    public void RecordedStatuspagePages(string fixture, StatusLevel level, int components, string? summary)
    {
        var result = _provider.Parse(RuleEntries.Input(StatuspageHtmlRules), Payloads.Of(Fixtures.Read(fixture)));

        result.Error.Should().BeNull();
        result.Status!.Level.Should().Be(level);
        result.Status.Components.Should().HaveCount(components);
        result.Status.Components.Should().NotContain(c => c.Status == StatusLevel.Unknown, "every component status text matches a rule");
        if (summary is not null)
        {
            result.Status.Summary.Should().Be(summary);
        }
    }

    [Fact]
    public void ClickFunnels_ComponentsCarryTheirOwnLevel()
    {
        var result = _provider.Parse(RuleEntries.Input(StatuspageHtmlRules), Payloads.Of(Fixtures.Read("html/statuspage-clickfunnels-2021-01-minor-partial-outage.html")));

        result.Status!.Components.Where(c => c.Status == StatusLevel.PartialOutage).Select(c => c.Name)
            .Should().HaveCount(3).And.Contain("CloudFlare MAA - Chennai, Tamil Nadu, India");
    }

    [Theory]
    [InlineData("text", "<div class='banner'>Major outage in EU</div>", StatusLevel.MajorOutage)]
    [InlineData("text", "<div class='banner'>All good</div>", StatusLevel.Operational)]
    [InlineData("text", "<div class='banner'>Something odd</div>", StatusLevel.Unknown)]
    [InlineData("class", "<div class='banner is-degraded'>x</div>", StatusLevel.Degraded)]
    [InlineData("attr:data-state", "<div class='banner' data-state='maintenance'>x</div>", StatusLevel.Maintenance)]
    public void ReadModes_AndFirstMatchingRuleWins(string read, string html, StatusLevel expected)
    {
        var entry = RuleEntries.Input("{'html':{'select':'.banner','read':'" + read + "','rules':[" +
            "{'match':'(?i)major outage','level':'major_outage'},{'match':'(?i)outage|degraded','level':'degraded'}," +
            "{'match':'maintenance','level':'maintenance'},{'match':'(?i)good','level':'operational'}]}}");

        _provider.Parse(entry, Payloads.Of(html)).Status!.Level.Should().Be(expected);
    }

    [Fact]
    public void SelectorMatchingNothing_IsUnknownNamingTheSelector()
    {
        var result = _provider.Parse(RuleEntries.Input(StatuspageHtmlRules.Replace("'select':'body'", "'select':'.nope'")), Payloads.Of("<p>hi</p>"));

        result.Error.Should().Be("html: the selector '.nope' matches nothing on the page");
    }

    [Fact]
    public void ScriptsNeverRun_AndUpstreamMarkupIsReadAsText()
    {
        var html = "<div class='banner'><script>document.querySelector('.banner').textContent='Operational'</script>Major outage</div>";
        var entry = RuleEntries.Input("{'html':{'select':'.banner','rules':[{'match':'Major outage','level':'major_outage'}]}}");

        var result = _provider.Parse(entry, Payloads.Of(html));

        result.Status!.Level.Should().Be(StatusLevel.MajorOutage);
    }

    [Fact]
    public void PageBuiltToMakeTheParserWorkHard_IsRefusedBeforeParsing()
    {
        // The refusal comes from the linear pre-scan, so the parser never sees the page (its cost: HostileInputBenchmarks).
        var html = new StringBuilder("<div class='banner'>ok</div>");
        html.Append(string.Concat(Enumerable.Repeat("<div><span><b><i>", 20_000)));
        html.Append("<p " + string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"a{i}=x")) + ">");
        var entry = RuleEntries.Input("{'html':{'select':'.banner','rules':[{'match':'ok','level':'operational'}]}}");

        var result = _provider.Parse(entry, Payloads.Of(html.ToString()));

        result.Error.Should().StartWith("html: the page has over 15,000 elements");
    }

    [Fact]
    public void DeeplyNestedPage_IsRefusedBeforeParsing()
    {
        var html = "<div class='banner'>ok</div>" + string.Concat(Enumerable.Repeat("<div><span>", 2_000));
        var entry = RuleEntries.Input("{'html':{'select':'.banner','rules':[{'match':'ok','level':'operational'}]}}");

        var result = _provider.Parse(entry, Payloads.Of(html));

        result.Error.Should().Be("html: the page nests elements over 512 deep, far more than a status page; not parsed");
    }

    [Fact]
    public void ManyElementsAtPlausibleDepth_AreParsed()
    {
        var html = "<div class='banner'>ok</div>" + string.Concat(Enumerable.Repeat("<div><span>x</span><br><img src=a.png></div>", 3_000));
        var entry = RuleEntries.Input("{'html':{'select':'.banner','rules':[{'match':'ok','level':'operational'}]}}");
        var watch = Stopwatch.StartNew();

        var result = _provider.Parse(entry, Payloads.Of(html));

        // Measured 340 ms with both cores busy; 20 times that fails only on a runaway parse.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(7));
        result.Status!.Level.Should().Be(StatusLevel.Operational);
    }

    [Fact]
    public void OversizedPage_IsRefusedWithReason()
    {
        var body = new byte[HtmlProvider.MaxHtmlBytes + 1];
        var result = _provider.Parse(RuleEntries.Input(StatuspageHtmlRules), Payloads.Of(body));

        result.Error.Should().StartWith("html: the page is").And.Contain("cap");
    }

    [Theory]
    [InlineData("{'html':{'read':'text','rules':[]}}", "StatusBoard:Services:0:html:select is required")]
    [InlineData("{'html':{'select':'..bad..','rules':[]}}", "StatusBoard:Services:0:html:select '..bad..' is not a valid CSS selector")]
    [InlineData("{'html':{'select':'b','read':'colour','rules':[]}}", "StatusBoard:Services:0:html:read 'colour' is not text, class or attr:NAME")]
    [InlineData("{'html':{'select':'b','rules':[{'match':'(','level':'degraded'}]}}", "StatusBoard:Services:0:html:rules:0:match '(' is not a valid regular expression")]
    [InlineData("{'html':{'select':'b','rules':[{'match':'x','level':'red'}]}}", "StatusBoard:Services:0:html:rules:0:level 'red' is not one of")]
    [InlineData("{'html':{'select':'b'}}", "StatusBoard:Services:0:html:rules is required")]
    public void BadRules_AreStartUpErrorsNamingTheKey(string entry, string expected)
    {
        _provider.Validate(RuleEntries.Input(entry)).Should().Contain(e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}

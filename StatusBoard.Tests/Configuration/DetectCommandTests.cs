using System.Text.Json;
using FluentAssertions;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Commands;

namespace StatusBoard.Tests.Configuration;

/// <summary>
/// <c>detect</c> against local servers shaped like each platform the auto-detector knows (real recorded payloads),
/// and a page with nothing machine-readable. What it prints must be a catalog that <c>validate</c> accepts.
/// </summary>
public sealed class DetectCommandTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/sp/api/v2/summary.json", Fixtures.Read("statuspage/github-summary-2026-07-24-major.json"));
        _upstream.Set("/io/api/v2/summary.json", Fixtures.Read("incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json"));
        _upstream.Set("/is/summary.json", Fixtures.Read("instatus/perplexity-summary-2026-07-23-majoroutage.json"));
        _upstream.Set("/bs/index.json", Fixtures.Read("betterstack/huggingface-index-json-2026-07-19-downtime.json"));
        _upstream.Set("/feed/", """<html><head><title>xAI status</title><link rel="alternate" type="application/rss+xml" href="/feed/rss.xml"></head><body>Status</body></html>""", "text/html");
        _upstream.Set("/feed/rss.xml", Fixtures.Read("rss/xai-status-feed-2026-07-07-resolved.xml"), "application/rss+xml");
        _upstream.Set("/plain/", "<html><head><title>Our status</title></head><body>All good, we promise.</body></html>", "text/html");
    }

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("/sp/", "statuspage", "/sp/api/v2/summary.json", "GitHub")]
    [InlineData("/io/", "incidentio", "/io/api/v2/summary.json", "OpenAI")]
    [InlineData("/is/", "instatus", "/is/summary.json", null)]
    [InlineData("/bs/", "betterstack", "/bs/index.json", null)]
    [InlineData("/feed/", "rss", "/feed/rss.xml", null)]
    public async Task Detect_KnownPlatform_PrintsAnEntryThatValidateAccepts(string page, string provider, string machinePath, string? name)
    {
        // Act
        var (exitCode, output, error) = await DetectAsync(_upstream.Url(page).ToString());

        // Assert
        exitCode.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var entry = json.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("provider").GetString().Should().Be(provider);
        entry.GetProperty("url").GetString().Should().Be(_upstream.Url(machinePath).ToString());
        entry.GetProperty("statusPageUrl").GetString().Should().Be(_upstream.Url(page).ToString());
        entry.GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        if (name is not null)
        {
            entry.GetProperty("name").GetString().Should().Be(name);
        }
        error.Should().Contain(provider);

        var file = TestCatalog.WriteRaw(output);
        (await CommandLine.TryRunAsync(["validate", file, $"--StatusBoard:DataDirectory={TestData.NewDirectory()}"], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken))
            .Should().Be(0, "detect's output is a valid catalog file");
    }

    [Fact]
    public async Task Detect_StatuspageWithComponents_ListsThemInTheNote()
    {
        // Act
        var (_, output, _) = await DetectAsync(_upstream.Url("/sp/").ToString());

        // Assert
        using var json = JsonDocument.Parse(output);
        json.RootElement[0].GetProperty("note").GetString().Should().Contain("Pull Requests").And.Contain("Actions");
    }

    [Fact]
    public async Task Detect_PageWithNothingMachineReadable_SaysWhatItTriedAndExitsOne()
    {
        // Act
        var (exitCode, output, error) = await DetectAsync(_upstream.Url("/plain/").ToString());

        // Assert
        exitCode.Should().Be(1);
        JsonDocument.Parse(output).RootElement.GetArrayLength().Should().Be(0, "standard output stays a valid (empty) catalog");
        error.Should().Contain("no known platform found")
            .And.Contain("/plain/api/v2/summary.json").And.Contain("HTTP 404")
            .And.Contain("/plain/index.json");
    }

    [Fact]
    public async Task Detect_SomeFound_ExitsOneAndPrintsTheFoundOnes()
    {
        // Act
        var (exitCode, output, _) = await DetectAsync(_upstream.Url("/sp/").ToString(), _upstream.Url("/plain/").ToString());

        // Assert
        exitCode.Should().Be(1);
        JsonDocument.Parse(output).RootElement.GetArrayLength().Should().Be(1);
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://example.test/")]
    public async Task Detect_BadArgument_ExitsOneWithAMessage(string argument)
    {
        // Act
        var (exitCode, output, error) = await DetectAsync(argument);

        // Assert
        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain(argument).And.Contain("not an absolute http(s) URL");
    }

    [Theory]
    [InlineData("https://www.githubstatus.com/", "githubstatus")]
    [InlineData("https://status.openai.com", "openai")]
    [InlineData("https://bitbucket.status.atlassian.com", "bitbucket-atlassian")]
    [InlineData("http://127.0.0.1:5000/", "127-0-0-1")]
    public void IdFor_TakesTheServiceNameFromTheHost(string page, string id) =>
        StatusBoard.Core.Engine.EntryDetector.IdFor(new Uri(page)).Should().Be(id);

    private static async Task<(int ExitCode, string Output, string Error)> DetectAsync(params string[] urls)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        // Never the internet, and no per-host spacing on one local upstream.
        string[] args = ["detect", .. urls, "--StatusBoard:HostSpacing=00:00:00", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}"];
        var exitCode = await CommandLine.TryRunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode!.Value, output.ToString(), error.ToString());
    }
}

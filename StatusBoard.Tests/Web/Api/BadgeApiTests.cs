using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary><c>/badge/{id}.svg</c> and <c>/badge/category/{name}.svg</c> against a real local upstream.</summary>
public sealed class BadgeApiTests : IAsyncLifetime
{
    private const string Category = "R&D <Tools>";
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/acme/api/v2/summary.json", StatuspageJson.Summary("critical", incidentImpact: "critical"));
        _upstream.Set("/other/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write(
        [
            new TestCatalog.Entry("acme", _upstream.Url("/acme/api/v2/summary.json"), Category: Category, Name: "Acme & \"Co\""),
            new TestCatalog.Entry("other", _upstream.Url("/other/api/v2/summary.json"), Category: Category, Name: "Other"),
        ]);
        _app = new StatusBoardApp(catalog);
        _client = _app.CreateClient();
        await _app.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Label(string svg) => XDocument.Parse(svg).Root!.Attribute("aria-label")!.Value;

    [Fact]
    public async Task ServiceBadge_ShowsNameAndLevel_AsWellFormedEscapedSvg()
    {
        var response = await _client.GetAsync("/badge/acme.svg", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync(Ct);
        Label(svg).Should().Be("Acme & \"Co\": major outage");
        svg.Should().Contain("Acme &amp; &quot;Co&quot;").And.Contain("#b71c1c");
    }

    [Fact]
    public async Task CategoryBadge_CountsProblems_AndEscapesTheName()
    {
        var response = await _client.GetAsync("/badge/category/" + Uri.EscapeDataString(Category) + ".svg", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var svg = await response.Content.ReadAsStringAsync(Ct);
        Label(svg).Should().Be("R&D <Tools>: 1 problem: major outage");
        svg.Should().Contain("R&amp;D &lt;Tools&gt;").And.NotContain("<Tools>");
    }

    [Fact]
    public async Task Badge_Unchanged_Answers304_Changed_AnswersNewBody()
    {
        // Arrange
        var first = await _client.GetAsync("/badge/other.svg", Ct);
        var etag = first.Headers.ETag!;

        // Act
        using var again = new HttpRequestMessage(HttpMethod.Get, "/badge/other.svg");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await _client.SendAsync(again, Ct);
        _upstream.Set("/other/api/v2/summary.json", StatuspageJson.Summary("minor"));
        _app.Store.Apply(_app.Store.Current.Find("other")! with { Status = StatusLevel.Degraded });
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/badge/other.svg");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await _client.SendAsync(afterChange, Ct);

        // Assert
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag.Should().NotBe(etag);
        Label(await changed.Content.ReadAsStringAsync(Ct)).Should().Be("Other: degraded");
    }

    [Theory]
    [InlineData("/badge/nope.svg")]
    [InlineData("/badge/category/Nope.svg")]
    public async Task Badge_UnknownName_Is404(string path)
    {
        var response = await _client.GetAsync(path, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

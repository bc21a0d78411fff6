using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Boards;

namespace StatusBoard.Tests.Web.Boards;

/// <summary><c>/api/status?board={id}</c> and <c>/badge/board/{id}.svg</c> on the whole app.</summary>
public sealed class BoardApiTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var id in new[] { "github", "aws-ec2", "aws-s3", "stripe" })
        {
            _upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary(id == "stripe" ? "minor" : "none", incidentImpact: id == "stripe" ? "minor" : null));
        }
        var catalog = TestCatalog.Write([
            new("github", _upstream.Url("/github/api/v2/summary.json"), Category: "Code & CI", Name: "GitHub"),
            new("aws-ec2", _upstream.Url("/aws-ec2/api/v2/summary.json"), Category: "Cloud", Name: "EC2"),
            new("aws-s3", _upstream.Url("/aws-s3/api/v2/summary.json"), Category: "Cloud", Name: "S3"),
            new("stripe", _upstream.Url("/stripe/api/v2/summary.json"), Category: "Payments", Name: "Stripe"),
        ]);
        var boards = BoardsConfiguration.Merge(
            BoardsConfiguration.Board(0, "payments", "Payments & <Billing>", services: ["aws-*"], categories: ["payments"], order: ["stripe"]),
            BoardsConfiguration.Board(1, "code", "Code", services: ["github"]));
        _app = new StatusBoardApp(catalog, settings: boards);
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

    private BoardJson CurrentBytes(string board) =>
        _app.Services.GetRequiredService<BoardStatusJson>().For(_app.Services.GetRequiredService<BoardCatalog>().Find(board)!);

    [Fact]
    public async Task GetStatus_ForABoard_HasTheSnapshotShape_WithOnlyItsServices_InItsOrder()
    {
        using var response = await _client.GetAsync("/api/status?board=payments", Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var root = json.RootElement;
        root.GetProperty("version").GetInt64().Should().Be(_app.Store.Current.Version);
        root.TryGetProperty("generatedAt", out _).Should().BeTrue();
        root.TryGetProperty("offline", out _).Should().BeTrue();
        root.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("stripe", "aws-ec2", "aws-s3");
        root.GetProperty("services")[0].GetProperty("status").GetString().Should().Be("degraded");
    }

    [Fact]
    public async Task GetStatus_ForABoard_ServesOneArrayPerVersion_SharedByEveryRequest()
    {
        // Arrange
        var before = CurrentBytes("payments");

        // Act
        using var first = await _client.GetAsync("/api/status?board=payments", Ct);
        using var second = await _client.GetAsync("/api/status?board=payments", Ct);
        var after = CurrentBytes("payments");

        // Assert: the same instance before and after two requests, and both served exactly its bytes.
        MemoryMarshal.TryGetArray(before.Json, out var made).Should().BeTrue();
        MemoryMarshal.TryGetArray(after.Json, out var served).Should().BeTrue();
        served.Array.Should().BeSameAs(made.Array);
        (await first.Content.ReadAsByteArrayAsync(Ct)).Should().Equal(before.Json.ToArray());
        (await second.Content.ReadAsByteArrayAsync(Ct)).Should().Equal(before.Json.ToArray());

        // A new version makes new bytes once.
        _app.Store.Apply(_app.Store.Current.Find("github")! with { Summary = "changed" });
        await _app.Store.WaitForAsync(s => s.Service("github").Summary == "changed");
        MemoryMarshal.TryGetArray(CurrentBytes("payments").Json, out var next).Should().BeTrue();
        next.Array.Should().NotBeSameAs(made.Array);
    }

    [Fact]
    public async Task GetStatus_ForABoard_HasItsOwnStrongETag_304_AndHead()
    {
        // Arrange
        using var whole = await _client.GetAsync("/api/status", Ct);
        using var first = await _client.GetAsync("/api/status?board=payments", Ct);
        var etag = first.Headers.ETag!;

        // Act
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/status?board=payments");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _client.SendAsync(conditional, Ct);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/status?board=payments"), Ct);
        using var other = await _client.GetAsync("/api/status?board=code", Ct);

        // Assert
        etag.IsWeak.Should().BeFalse();
        etag.Should().NotBe(whole.Headers.ETag).And.NotBe(other.Headers.ETag);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync(Ct)).Should().BeEmpty();
        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Headers.ETag.Should().Be(etag);
        head.Content.Headers.ContentLength.Should().Be(first.Content.Headers.ContentLength);
        (await head.Content.ReadAsByteArrayAsync(Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetStatus_ForAnUnknownBoard_Is404Problem()
    {
        using var response = await _client.GetAsync("/api/status?board=nope", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).Should().Contain("'nope'");
    }

    [Fact]
    public async Task BoardBadge_ShowsTheWorstOfItsServices_With304_And404ForUnknown()
    {
        // Act
        using var badge = await _client.GetAsync("/badge/board/payments.svg", Ct);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/badge/board/payments.svg");
        conditional.Headers.IfNoneMatch.Add(badge.Headers.ETag!);
        using var notModified = await _client.SendAsync(conditional, Ct);
        using var code = await _client.GetAsync("/badge/board/code.svg", Ct);
        using var unknown = await _client.GetAsync("/badge/board/nope.svg", Ct);

        // Assert
        badge.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = await badge.Content.ReadAsStringAsync(Ct);
        XDocument.Parse(svg).Root!.Attribute("aria-label")!.Value.Should().Be("Payments & <Billing>: 1 problem: degraded");
        svg.Should().NotContain("<Billing>");
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        XDocument.Parse(await code.Content.ReadAsStringAsync(Ct)).Root!.Attribute("aria-label")!.Value.Should().Be("Code: operational");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BoardPage_UnknownId_Answers404_ListingTheBoards()
    {
        using var known = await _client.GetAsync("/b/payments", Ct);
        using var unknown = await _client.GetAsync("/b/nope", Ct);

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        (await known.Content.ReadAsStringAsync(Ct)).Should().Contain("Payments &amp; &lt;Billing&gt;");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Ct)).Should().Contain("href=\"b/payments\"").And.Contain("href=\"b/code\"");
    }
}

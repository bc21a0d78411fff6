using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary><c>/api/status/summary</c>: the compact view, made once per version, with its own ETag, 304, HEAD, compression and CORS.</summary>
public sealed class SummaryApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("none"));
        _upstream.Set("/stripe/api/v2/summary.json", StatuspageJson.Summary("minor", incidentImpact: "minor"));
        var catalog = TestCatalog.Write([
            new("github", _upstream.Url("/github/api/v2/summary.json"), Category: "Code & CI", Name: "GitHub"),
            new("stripe", _upstream.Url("/stripe/api/v2/summary.json"), Category: "Payments & Commerce", Name: "Stripe"),
        ]);
        _app = new StatusBoardApp(catalog, _time);
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Summary_HasTheCompactShape_AndNothingMore()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/status/summary", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("version", "generatedAt", "offline", "services");
        root.GetProperty("version").GetInt64().Should().Be(_app.Store.Current.Version);
        var stripe = root.GetProperty("services")[1];
        stripe.EnumerateObject().Select(p => p.Name).Should().Equal("id", "name", "category", "status", "summary", "checkedAt", "stale");
        stripe.GetProperty("id").GetString().Should().Be("stripe");
        stripe.GetProperty("category").GetString().Should().Be("Payments & Commerce");
        stripe.GetProperty("status").GetString().Should().Be("degraded");
        stripe.GetProperty("checkedAt").GetDateTimeOffset().Should().Be(_time.GetUtcNow());
        stripe.GetProperty("stale").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Summary_HasItsOwnStrongETag_304_AndANewETagForANewVersion()
    {
        using var client = _app.CreateClient();
        using var full = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);
        using var first = await client.GetAsync("/api/status/summary", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;
        etag.IsWeak.Should().BeFalse();
        etag.Should().NotBe(full.Headers.ETag, "the summary is another representation");

        using var notModified = await SendAsync(client, "/api/status/summary", etag);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();

        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("critical"));
        _time.Advance(TimeSpan.FromSeconds(67));
        await _app.Store.WaitForAsync(s => s.Service("github").Status == StatusLevel.MajorOutage);
        using var changed = await SendAsync(client, "/api/status/summary", etag);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag.Should().NotBe(etag);
        (await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("\"major_outage\"");
    }

    [Fact]
    public void Summary_IsMadeOncePerVersion()
    {
        var snapshot = _app.Store.Current;

        snapshot.Summary.Should().BeSameAs(snapshot.Summary);
        snapshot.Summary.Compressed.Brotli.Should().Be(snapshot.Summary.Compressed.Brotli, "compressed once, then the same bytes");
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    public async Task Summary_AcceptedEncoding_GetsPrecompressedBytes_WithTheirOwnETag(string acceptEncoding, string expected)
    {
        using var client = _app.CreateClient();
        var identity = await client.GetByteArrayAsync("/api/status/summary", TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/summary");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Content.Headers.ContentEncoding.Should().Equal(expected);
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.ETag!.Tag.Should().EndWith($"-summary-{expected}\"");
        using var input = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using Stream decoder = expected == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output, TestContext.Current.CancellationToken);
        output.ToArray().Should().Equal(identity);
    }

    [Fact]
    public async Task Summary_Head_AnswersHeadersWithoutBody()
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/status/summary"), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be(_app.Store.Current.Summary.ETag);
        response.Content.Headers.ContentLength.Should().Be(_app.Store.Current.Summary.Json.Length);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

using System.Net;
using System.Net.Http.Headers;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>RFC 9110 details uptime checkers and caches rely on: HEAD wherever GET works, weak If-None-Match.</summary>
public sealed class HttpSemanticsTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/acme/api/v2/summary.json", StatuspageJson.Summary("minor", incidentImpact: "minor"));
        var catalog = TestCatalog.Write([new("acme", _upstream.Url("/acme/api/v2/summary.json"), Category: "Cloud")]);
        _app = new StatusBoardApp(catalog);
        _client = _app.CreateClient();
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/status/acme")]
    [InlineData("/badge/acme.svg")]
    [InlineData("/badge/category/Cloud.svg")]
    public async Task IfNoneMatch_WeakFormOfTheCurrentETag_Answers304(string path)
    {
        // Arrange
        using var first = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{etag}");

        // Act
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert: RFC 9110 13.1.2 — If-None-Match uses the weak comparison.
        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/api/status", "application/json")]
    [InlineData("/api/status/acme", "application/json")]
    [InlineData("/api/status/acme/history", "application/json")]
    [InlineData("/api/status/acme/incidents", "application/json")]
    [InlineData("/api/status/stream", "text/event-stream")]
    [InlineData("/badge/acme.svg", "image/svg+xml")]
    [InlineData("/badge/category/Cloud.svg", "image/svg+xml")]
    [InlineData("/", "text/html")]
    [InlineData("/wall", "text/html")]
    [InlineData("/service/acme", "text/html")]
    [InlineData("/healthz", "application/json")]
    public async Task Head_AnswersLikeGet_WithHeadersAndNoBody(string path, string mediaType)
    {
        // Act
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert: the stream answers its headers and ends instead of streaming.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
    }
}

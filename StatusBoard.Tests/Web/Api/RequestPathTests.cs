using System.Net;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>
/// The short-circuited API endpoints (nothing after routing runs for them) keep what the middleware used to add:
/// CORS for other origins, the ETag exposed to their scripts, Vary, and problem details.
/// </summary>
public sealed class RequestPathTests : IAsyncLifetime
{
    private StatusBoardApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new StatusBoardApp(TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/status/summary")]
    [InlineData("/api/status/svc")]
    public async Task CrossOriginRequest_GetsOpenReadCors_WithTheETagExposed(string path)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://wiki.example.test");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Expose-Headers").Should().ContainSingle().Which.Should().Contain("ETag");
        response.Headers.ETag.Should().NotBeNull();
    }

    [Fact]
    public async Task SameOriginRequest_GetsNoCorsHeaders()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task UnknownBoard_IsStillAProblemDocument()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/status?board=nope", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>/api/status serves precompressed bytes to clients that accept them, each encoding with its own ETag.</summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("minor", incidentImpact: "minor"));
        var catalog = TestCatalog.Write([new("github", _upstream.Url("/github/api/v2/summary.json"), Name: "GitHub")]);
        _app = new StatusBoardApp(catalog, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task AcceptedEncoding_GetsCompressedBytesOfTheSameJson(string acceptEncoding, string expected)
    {
        using var client = _app.CreateClient();
        var identity = await client.GetByteArrayAsync("/api/status", TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        response.Content.Headers.ContentEncoding.Should().Equal(expected);
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        response.Headers.ETag!.Tag.Should().EndWith($"-{expected}\"");
        body.Length.Should().BeLessThan(identity.Length);
        Decompress(body, expected).Should().Equal(identity);
    }

    [Fact]
    public async Task CompressedETag_Gets304_AndIdentityETagDoesNotMatchCompressedRepresentation()
    {
        using var client = _app.CreateClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        first.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var compressed = await client.SendAsync(first, TestContext.Current.CancellationToken);
        var brEtag = compressed.Headers.ETag!;
        var identityEtag = (await client.GetAsync("/api/status", TestContext.Current.CancellationToken)).Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        again.Headers.IfNoneMatch.Add(brEtag);
        using var notModified = await client.SendAsync(again, TestContext.Current.CancellationToken);

        using var mismatched = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        mismatched.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        mismatched.Headers.IfNoneMatch.Add(identityEtag);
        using var full = await client.SendAsync(mismatched, TestContext.Current.CancellationToken);

        brEtag.Should().NotBe(identityEtag);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        full.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}

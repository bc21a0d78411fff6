using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

public sealed class StatusApiTests : IAsyncLifetime
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
        _ = _app.Server; // start the host (and with it the engine)
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task GetStatus_ReturnsTheContractShape()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var root = json.RootElement;
        root.GetProperty("version").GetInt64().Should().BePositive();
        root.GetProperty("generatedAt").GetDateTimeOffset().Should().Be(_time.GetUtcNow());
        var services = root.GetProperty("services").EnumerateArray().ToArray();
        services.Select(s => s.GetProperty("id").GetString()).Should().Equal("github", "stripe");
        var stripe = services[1];
        foreach (var key in new[] { "id", "name", "category", "status", "summary", "checkedAt", "lastChangedAt", "responseTimeMs", "error", "statusPageUrl", "components", "incidents", "maintenances" })
        {
            stripe.TryGetProperty(key, out _).Should().BeTrue($"the contract has '{key}'");
        }
        stripe.GetProperty("status").GetString().Should().Be("degraded");
        stripe.GetProperty("category").GetString().Should().Be("Payments & Commerce");
        stripe.GetProperty("incidents")[0].GetProperty("title").GetString().Should().Be("Elevated errors");
        stripe.GetProperty("incidents")[0].GetProperty("impact").GetString().Should().Be("degraded");
        stripe.GetProperty("components")[0].GetProperty("status").GetString().Should().Be("operational");
    }

    [Fact]
    public async Task GetStatus_WithMatchingIfNoneMatch_Returns304_AndNewVersionChangesETag()
    {
        using var client = _app.CreateClient();
        using var first = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;
        etag.IsWeak.Should().BeFalse();

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional, TestContext.Current.CancellationToken);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();

        // A new version (the upstream changes and is polled again) gets a new ETag and a full body.
        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("critical"));
        _time.Advance(TimeSpan.FromSeconds(67));
        await _app.Store.WaitForAsync(s => s.Service("github").Status == StatusLevel.MajorOutage);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(again, TestContext.Current.CancellationToken);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag.Should().NotBe(etag);
    }

    [Fact]
    public async Task GetStatus_IsOpenToOtherOrigins()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Add("Origin", "https://wiki.example.test");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Fact]
    public async Task GetService_Known_ReturnsOneService_Unknown_Returns404Problem()
    {
        using var client = _app.CreateClient();

        using var known = await client.GetAsync("/api/status/stripe", TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync("/api/status/nope", TestContext.Current.CancellationToken);

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await known.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            json.RootElement.GetProperty("id").GetString().Should().Be("stripe");
            json.RootElement.GetProperty("status").GetString().Should().Be("degraded");
        }
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("nope");
    }

    [Fact]
    public async Task ApiRequests_NeverTriggerAFetch()
    {
        using var client = _app.CreateClient();
        var before = _upstream.TotalHits;

        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync(i % 2 == 0 ? "/api/status" : "/api/status/github", TestContext.Current.CancellationToken);
        }

        _upstream.TotalHits.Should().Be(before);
    }

    [Fact]
    public async Task Stream_SendsSnapshotFirst_ThenANewVersionAfterAnUpstreamChange()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/api/status/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await reader.NextAsync();
        first.Event.Should().Be("snapshot");
        first.Id.Should().Be(_app.Store.Current.EventId);

        _upstream.Set("/stripe/api/v2/summary.json", StatuspageJson.Summary("critical"));
        _time.Advance(TimeSpan.FromSeconds(67));
        var next = await reader.NextAsync();
        while (!next.Data.Contains("\"major_outage\"", StringComparison.Ordinal))
        {
            next = await reader.NextAsync();
        }

        Version(next.Id).Should().BeGreaterThan(Version(first.Id));
        using var json = JsonDocument.Parse(next.Data);
        json.RootElement.GetProperty("services")[1].GetProperty("status").GetString().Should().Be("major_outage");
    }

    [Fact]
    public async Task Stream_LastEventIdOfCurrentVersion_GetsNoDuplicate()
    {
        using var client = _app.CreateClient();
        var current = _app.Store.Current;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/stream");
        request.Headers.Add("Last-Event-ID", current.EventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("minor"));
        _time.Advance(TimeSpan.FromSeconds(67));
        var next = await reader.NextAsync();

        Version(next.Id).Should().BeGreaterThan(current.Version, "the version the client already had is not sent again");
    }

    /// <summary>The version is the id's trailing integer (after the instance token).</summary>
    private static long Version(string eventId) => long.Parse(eventId[(eventId.LastIndexOf('-') + 1)..]);
}

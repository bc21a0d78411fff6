using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>Viewers never cost the upstream anything: 200 API and SSE clients, still one request per interval per endpoint.</summary>
public sealed class ViewerLoadTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/v1/api/v2/summary.json", StatuspageJson.Summary("none"));
        _upstream.Set("/v2/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("v1", _upstream.Url("/v1/api/v2/summary.json")), new("v2", _upstream.Url("/v2/api/v2/summary.json"))]);
        _app = new StatusBoardApp(catalog, _time, new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task TwoHundredApiAndSseClients_OneUpstreamRequestPerIntervalPerEndpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = (StatusBoard.Core.Engine.StatusEngine)_app.Services.GetService(typeof(StatusBoard.Core.Engine.StatusEngine))!;
        using var client = _app.CreateClient();
        var streams = new List<SseReader>();
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync("/api/status/stream", HttpCompletionOption.ResponseHeadersRead, ct);
            var reader = new SseReader(await response.Content.ReadAsStreamAsync(ct));
            (await reader.NextAsync()).Event.Should().Be("snapshot");
            streams.Add(reader);
        }

        for (var minute = 1; minute <= 5; minute++)
        {
            // 100 API requests in parallel every simulated minute, while 100 SSE clients listen.
            await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetByteArrayAsync("/api/status", ct)));
            await engine.WaitForCompletedPollsAsync(2L * minute, ct);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        await engine.WaitForCompletedPollsAsync(12, ct);

        _upstream.Hits("/v1/api/v2/summary.json").Should().Be(6, "start-up and five intervals, whatever the number of viewers");
        _upstream.Hits("/v2/api/v2/summary.json").Should().Be(6);
        _app.Store.SubscriberCount.Should().BeGreaterThanOrEqualTo(100);
        foreach (var stream in streams)
        {
            stream.Dispose();
        }
    }
}

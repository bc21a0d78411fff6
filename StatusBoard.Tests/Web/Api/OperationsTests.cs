using System.Net;
using System.Text.Json;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>/healthz and /metrics of the real app.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/ops-a/api/v2/summary.json", StatuspageJson.Summary("major", incidentImpact: "major"));
        _upstream.SetStatus("/ops-b/api/v2/summary.json", 500, "nope");
        var catalog = TestCatalog.Write([
            new("ops-a", _upstream.Url("/ops-a/api/v2/summary.json")),
            new("ops-b", _upstream.Url("/ops-b/api/v2/summary.json")),
        ]);
        _app = new StatusBoardApp(catalog, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_ReportsTheEngineLoopAndLastPoll()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.RootElement.GetProperty("status").GetString().Should().Be("Healthy");
        var engine = json.RootElement.GetProperty("checks")[0];
        engine.GetProperty("name").GetString().Should().Be("engine");
        engine.GetProperty("data").GetProperty("running").GetBoolean().Should().BeTrue();
        engine.GetProperty("data").GetProperty("completedPolls").GetInt64().Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Metrics_PrometheusText_WithFetchOutcomesDurationsLevelsAndLiveClients()
    {
        using var client = _app.CreateClient();

        var text = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        text.Should().Contain("statusboard_service_level{level=\"partial_outage\",service=\"ops-a\"} 4");
        text.Should().MatchRegex("statusboard_fetches_total\\{outcome=\"ok\"\\} [1-9]");
        text.Should().MatchRegex("statusboard_fetches_total\\{outcome=\"http_error\"\\} [1-9]");
        text.Should().Contain("statusboard_fetch_duration_seconds_bucket");
        text.Should().Contain("statusboard_sse_clients");
        text.Should().Contain("statusboard_live_circuits");
    }
}

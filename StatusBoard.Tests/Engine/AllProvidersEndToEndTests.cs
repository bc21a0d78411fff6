using System.Text.Json;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// One catalog using every provider, the component filter and a probe, against a local server serving recorded
/// payloads: each service ends at the level its platform's mapping gives.
/// </summary>
public sealed class AllProvidersEndToEndTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private string Serve(string path, string fixture, string contentType = "application/json")
    {
        _upstream.Set(path, Fixtures.Read(fixture), contentType);
        return _upstream.Url(path).ToString();
    }

    private static object Entry(string id, string provider, string url, object? extra = null)
    {
        var entry = new Dictionary<string, object?> { ["id"] = id, ["name"] = id, ["category"] = "Test", ["provider"] = provider, ["url"] = url };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            entry[property.Name] = property.GetValue(extra);
        }
        return entry;
    }

    [Fact]
    public async Task EveryProvider_ReachesItsMappedLevel()
    {
        _upstream.Set("/own/json", "{\"health\":{\"state\":\"warn\",\"message\":\"Planned work\"},\"parts\":[{\"label\":\"DB\",\"state\":\"maint\"}]}");
        _upstream.Set("/own/probe", "<html>All systems go</html>", "text/html");
        _upstream.Set("/autopage/api/v2/summary.json", Fixtures.Read("statuspage/bitbucket-summary-2026-07-31-none.json"));
        var html = new
        {
            select = "body", read = "class", @default = "unknown",
            rules = new[]
            {
                new { match = "(?i)status-critical|major outage", level = "major_outage" },
                new { match = "(?i)status-major|partial outage", level = "partial_outage" },
                new { match = "(?i)status-minor|degraded", level = "degraded" },
                new { match = "(?i)status-none|operational", level = "operational" },
            },
            components = new { items = ".component-inner-container", name = ".name", status = ".component-status", read = "text" },
        };
        object[] entries =
        [
            Entry("statuspage", "statuspage", Serve("/sp/summary.json", "statuspage/claude-summary-2026-07-29-major.json")),
            Entry("incidentio", "incidentio", Serve("/io/summary.json", "incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json")),
            Entry("github", "github", Serve("/gh/status.json", "other/github-legacy-status-api-2016-good.json")),
            Entry("instatus", "instatus", Serve("/is/summary.json", "instatus/perplexity-summary-2026-07-23-majoroutage.json")),
            Entry("gcp", "gcp", Serve("/gcp/incidents.json", "gcp/gcp-incidents-json-2020-08-legacy-hyphen-keys-ongoing.json")),
            Entry("slack", "slack", Serve("/slack/current", "slack/slack-current-v2-2023-09-26-active-incident-notes-redacted.json")),
            Entry("statusio", "statusio", Serve("/sio/status", "statusio/gitlab-statusio-status-2023-06-29-operational.json")),
            Entry("betterstack", "betterstack", Serve("/bs/index.json", "betterstack/huggingface-index-json-2026-07-19-downtime.json")),
            Entry("rss", "rss", Serve("/rss/feed", "azure/azure-status-feed-2026-07-23-active.xml", "application/rss+xml"),
                new { rss = new { window = "3650.00:00:00" } }),
            Entry("json", "json", _upstream.Url("/own/json").ToString(),
                new { json = new { status = "$.health.state", map = new { ok = "operational", warn = "degraded", maint = "maintenance" }, summary = "$.health.message",
                    components = new { items = "$.parts", name = "$.label", status = "$.state" } } }),
            Entry("html", "html", Serve("/html/page", "html/statuspage-clickfunnels-2021-01-minor-partial-outage.html", "text/html"), new { html }),
            Entry("http", "http", _upstream.Url("/own/probe").ToString(), new { http = new { keyword = "All systems go" } }),
            Entry("auto", "auto", _upstream.Url("/autopage").ToString()),
            Entry("filtered-ok", "statuspage", Serve("/f1/summary.json", "statuspage/github-summary-2026-07-24-major.json"),
                new { components = new[] { "Actions", "git*" } }),
            Entry("filtered-bad", "statuspage", Serve("/f2/summary.json", "statuspage/github-summary-2026-07-24-major.json"),
                new { components = new[] { "pull*" } }),
            Entry("filtered-none", "statuspage", Serve("/f3/summary.json", "statuspage/github-summary-2026-07-24-major.json"),
                new { components = new[] { "Nope" } }),
            Entry("probed", "statuspage", Serve("/p/summary.json", "statuspage/bitbucket-summary-2026-07-31-none.json"),
                new { probe = _upstream.Url("/missing-page").ToString() }),
        ];
        await using var engine = await EngineHost.StartAsync(TestCatalog.WriteRaw(JsonSerializer.Serialize(entries)));

        var snapshot = await engine.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));

        var levels = snapshot.Services.ToDictionary(s => s.Id, s => s.Status);
        levels.Should().Equal(new Dictionary<string, StatusLevel>
        {
            ["statuspage"] = StatusLevel.MajorOutage,
            ["incidentio"] = StatusLevel.Degraded,
            ["github"] = StatusLevel.Operational,
            ["instatus"] = StatusLevel.MajorOutage,
            ["gcp"] = StatusLevel.MajorOutage,
            ["slack"] = StatusLevel.PartialOutage,
            ["statusio"] = StatusLevel.Operational,
            ["betterstack"] = StatusLevel.PartialOutage,
            ["rss"] = StatusLevel.Degraded,
            ["json"] = StatusLevel.Degraded, // worst of warn (degraded) and a component in maintenance
            ["html"] = StatusLevel.PartialOutage,
            ["http"] = StatusLevel.Operational,
            ["auto"] = StatusLevel.Operational,
            ["filtered-ok"] = StatusLevel.Operational,
            ["filtered-bad"] = StatusLevel.MajorOutage,
            ["filtered-none"] = StatusLevel.Unknown,
            ["probed"] = StatusLevel.Operational,
        });
        var filtered = snapshot.Service("filtered-ok");
        filtered.Components.Where(c => c.Watched).Select(c => c.Name).Should().BeEquivalentTo("Git Operations", "Actions");
        filtered.Components.Should().HaveCount(12, "unwatched components stay listed");
        filtered.Incidents.Should().ContainSingle("the Pull Requests incident is still shown in the details");
        snapshot.Service("filtered-none").Error.Should().Be("components filter [Nope] matches none of the 12 components this page lists");
        snapshot.Service("json").Components.Should().ContainSingle().Which.Status.Should().Be(StatusLevel.Maintenance);
        var observed = snapshot.Service("probed").Observed!;
        observed.Status.Should().Be(StatusLevel.MajorOutage, "our own probe of a missing page disagrees with the official status");
        observed.Error.Should().Be("HTTP 404, expected 2xx");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>The history API on SQLite.</summary>
public sealed class SqliteHistoryApiTests() : HistoryApiTests(HistoryStoreKind.Sqlite);

/// <summary>The history API on PostgreSQL.</summary>
public sealed class PostgresHistoryApiTests() : HistoryApiTests(HistoryStoreKind.Postgres);

/// <summary><c>/api/status/{id}/history</c> and <c>/api/status/{id}/incidents</c> of the real app on a fake clock, on each store.</summary>
public abstract class HistoryApiTests(HistoryStoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Utc("2026-11-25T12:00:00Z"));
    private TestHistoryStore _store = null!;
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _store = await TestHistoryStore.CreateAsync(kind);
        // History written before the app starts: a degraded morning two days ago, and incidents of several ages.
        var seed = new HistoryBatch();
        seed.Transitions.AddRange([
            Transition("hist", "2026-11-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("hist", "2026-11-23T06:00:00Z", StatusLevel.Operational, StatusLevel.Degraded),
            Transition("hist", "2026-11-23T12:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ]);
        seed.AddStored(
            StoredIncident("hist", "old-resolved", "2026-11-20T08:00:00Z", "2026-11-21T09:00:00Z", updates: 2),
            StoredIncident("hist", "still-open", "2026-11-23T06:00:00Z", null),
            StoredIncident("hist", "ancient", "2026-01-10T08:00:00Z", "2026-01-11T08:00:00Z"));
        // Written "now": the previous run was alive until this one starts, so no gap of unknown is recorded for it.
        new HistoryWriter(_store.Database()).Write(seed, Utc("2026-11-25T12:00:00Z"));

        _upstream = await FakeUpstream.StartAsync();
        // The live page shows a new incident; "still-open" is no longer on it, so the first reading resolves it.
        _upstream.Set("/hist/api/v2/summary.json", StatuspageJson.Summary("none", incidentImpact: "minor", incidentBody: "Looking into it."));
        var catalog = TestCatalog.Write([new("hist", _upstream.Url("/hist/api/v2/summary.json"))]);
        _app = new StatusBoardApp(catalog, _time, _store.Settings);
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Service("hist").CheckedAt is not null);
        var reader = _app.Services.GetRequiredService<HistoryReader>();
        await WaitForHistoryAsync(_app.Services.GetRequiredService<HistoryHealth>(), () => reader.OpenIncidents().Select(i => i.Id).Order().SequenceEqual(["inc1"]), "the first reading's incidents written");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> GetAsync(string url)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json.RootElement.Clone());
    }

    [Theory]
    [InlineData("/api/status/nope/history")]
    [InlineData("/api/status/nope/incidents")]
    public async Task UnknownService_Is404ProblemJson(string url)
    {
        var (status, mediaType, body) = await GetAsync(url);

        status.Should().Be(HttpStatusCode.NotFound);
        mediaType.Should().Be("application/problem+json");
        body.GetProperty("status").GetInt32().Should().Be(404);
        body.GetProperty("detail").GetString().Should().Contain("'nope'");
    }

    [Theory]
    [InlineData("/api/status/hist/history?days=0")]
    [InlineData("/api/status/hist/history?days=401")]
    [InlineData("/api/status/hist/history?days=-3")]
    [InlineData("/api/status/hist/incidents?days=0")]
    [InlineData("/api/status/hist/incidents?days=401")]
    public async Task DaysOutOfRange_Is400ProblemJson(string url)
    {
        var (status, mediaType, body) = await GetAsync(url);

        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        body.GetProperty("detail").GetString().Should().Contain("between 1 and 400");
    }

    [Fact]
    public async Task UnknownTimeZone_Is400ProblemJson()
    {
        var (status, mediaType, body) = await GetAsync("/api/status/hist/history?tz=Nowhere/Bogus");

        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        body.GetProperty("title").GetString().Should().Be("Unknown time zone");
        body.GetProperty("detail").GetString().Should().Contain("Nowhere/Bogus");
    }

    [Fact]
    public async Task History_ReturnsExactlyDaysEntries_OldestFirst_EndingTodayInTheZone()
    {
        var (status, _, body) = await GetAsync("/api/status/hist/history?days=7&tz=Europe/Berlin");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("service").GetString().Should().Be("hist");
        body.GetProperty("timeZone").GetString().Should().Be("Europe/Berlin");
        var days = body.GetProperty("days").EnumerateArray().ToArray();
        days.Select(d => d.GetProperty("date").GetString()).Should().Equal(
            "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25");
        var degraded = days[4];
        degraded.GetProperty("worst").GetString().Should().Be("degraded");
        degraded.GetProperty("operational").GetDouble().Should().Be(0.75, "06:00-12:00 UTC degraded of a 24 h day");
        degraded.GetProperty("coverage").GetDouble().Should().Be(1);
        days[5].GetProperty("worst").GetString().Should().Be("operational");
        days[5].GetProperty("operational").GetDouble().Should().Be(1);
        days[6].GetProperty("worst").GetString().Should().Be("degraded", "the level in effect now counts for today, even before it lasted");
        days[6].GetProperty("operational").GetDouble().Should().Be(1, "but it has no length yet");
        days[0].GetProperty("worst").GetString().Should().Be("operational");
    }

    [Theory]
    [InlineData("", "UTC", "2026-11-25")]
    [InlineData("&tz=UTC", "UTC", "2026-11-25")]
    [InlineData("&tz=Pacific/Auckland", "Pacific/Auckland", "2026-11-26")]
    [InlineData("&tz=America/Los_Angeles", "America/Los_Angeles", "2026-11-25")]
    [InlineData("&tz=Pacific/Pago_Pago", "Pacific/Pago_Pago", "2026-11-25")]
    public async Task History_LastEntryIsTodayInTheRequestedZone(string query, string zone, string today)
    {
        var (status, _, body) = await GetAsync("/api/status/hist/history?days=3" + query);

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("timeZone").GetString().Should().Be(zone);
        var days = body.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToArray();
        days.Should().HaveCount(3);
        days[^1].Should().Be(today);
        days.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task History_DefaultsTo90Days()
    {
        var (status, _, body) = await GetAsync("/api/status/hist/history");

        status.Should().Be(HttpStatusCode.OK);
        var days = body.GetProperty("days").EnumerateArray().ToArray();
        days.Should().HaveCount(90);
        days[^1].GetProperty("date").GetString().Should().Be("2026-11-25");
        days[0].GetProperty("worst").ValueKind.Should().Be(JsonValueKind.Null, "nothing was recorded back then");
        days[0].GetProperty("operational").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Incidents_NewestFirst_WithUpdates_ResolvedOnesWithResolvedAt()
    {
        var (status, _, body) = await GetAsync("/api/status/hist/incidents?days=30");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("service").GetString().Should().Be("hist");
        var incidents = body.GetProperty("incidents").EnumerateArray().ToArray();
        incidents.Select(i => i.GetProperty("id").GetString()).Should().Equal(["inc1", "still-open", "old-resolved"],
            "newest first; the one resolved in January is outside 30 days");

        var live = incidents[0];
        live.GetProperty("kind").GetString().Should().Be("incident");
        live.GetProperty("title").GetString().Should().Be("Elevated errors");
        live.GetProperty("impact").GetString().Should().Be("degraded");
        live.GetProperty("startedAt").GetDateTimeOffset().Should().Be(Utc("2026-11-25T10:00:00Z"));
        live.GetProperty("resolvedAt").ValueKind.Should().Be(JsonValueKind.Null);
        live.GetProperty("updates").EnumerateArray().Should().ContainSingle()
            .Which.GetProperty("body").GetString().Should().Be("Looking into it.");

        var goneFromThePage = incidents[1];
        goneFromThePage.GetProperty("resolvedAt").GetDateTimeOffset().Should().Be(_time.GetUtcNow(), "resolved by the first reading that no longer listed it");

        var old = incidents[2];
        old.GetProperty("resolvedAt").GetDateTimeOffset().Should().Be(Utc("2026-11-21T09:00:00Z"));
        old.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("body").GetString())
            .Should().Equal("old-resolved update 2", "old-resolved update 1");
    }

    [Fact]
    public async Task Incidents_DaysWindowIncludesOldIncidentsResolvedWithinIt()
    {
        var (_, _, recent) = await GetAsync("/api/status/hist/incidents?days=2");
        var (_, _, all) = await GetAsync("/api/status/hist/incidents?days=400");

        recent.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Should().Equal(["inc1", "still-open"], "old-resolved was resolved 4 days ago");
        all.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Should().Equal("inc1", "still-open", "old-resolved", "ancient");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>The dashboard keeps serving from memory when the history database cannot be written; /healthz says so.</summary>
public sealed class HistoryDatabaseFailureTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Utc("2026-11-25T12:00:00Z"));
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private string Catalog(params string[] ids) =>
        TestCatalog.Write(ids.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json"))));

    private void Page(string id, string body) => _upstream.Set($"/{id}/api/v2/summary.json", body);

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(expected, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static JsonElement HistoryCheck(JsonElement healthz) =>
        healthz.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "history");

    private static string LevelOf(JsonElement status, string id) =>
        status.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;

    [Fact]
    public async Task ExclusiveLockHeldElsewhere_AppKeepsServingFreshLevels_HealthDegraded_PendingRowsWrittenAfterRelease()
    {
        // Arrange: the app has written its first readings.
        var directory = TestData.NewDirectory();
        Page("lk-a", StatuspageJson.Summary("none"));
        Page("lk-b", StatuspageJson.Summary("none"));
        await using var app = new StatusBoardApp(Catalog("lk-a", "lk-b"), _time, new Dictionary<string, string?>
        {
            ["StatusBoard:DataDirectory"] = directory,
            ["StatusBoard:History:FlushInterval"] = "00:00:01",
        });
        _ = app.Server;
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var health = app.Services.GetRequiredService<HistoryHealth>();
        var database = app.Services.GetRequiredService<HistoryDatabase>();
        await WaitForHistoryAsync(health, () => Count(database.FilePath, "SELECT count(*) FROM last_status") == 2, "the first readings written",
            between: () => _time.Advance(TimeSpan.FromSeconds(1)));
        health.Healthy.Should().BeTrue();
        var transitionsBefore = Count(database.FilePath, "SELECT count(*) FROM transitions");
        using var client = app.CreateClient();

        // Act: another process takes the write lock and keeps it; meanwhile lk-a goes down with an incident.
        using (var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath, Pooling = false }.ToString()))
        {
            blocker.Open();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                begin.ExecuteNonQuery();
            }
            Page("lk-a", StatuspageJson.Summary("critical", "major_outage", incidentImpact: "critical"));
            _time.Advance(TimeSpan.FromSeconds(67));
            await app.Store.WaitForAsync(s => s.Service("lk-a").Status == StatusLevel.MajorOutage);

            // Assert: the dashboard serves the fresh level at once, while the recorder waits for the lock.
            var status = await GetJsonAsync(client, "/api/status", HttpStatusCode.OK);
            LevelOf(status, "lk-a").Should().Be("major_outage");
            LevelOf(status, "lk-b").Should().Be("operational");

            // Assert: once the writer gave up (SQLite's busy timeout, real time), /healthz says the history is degraded.
            await WaitForHistoryAsync(health, () => !health.Healthy, "the locked write to fail", TimeSpan.FromSeconds(30));
            var healthz = await GetJsonAsync(client, "/healthz", HttpStatusCode.OK);
            var check = HistoryCheck(healthz);
            check.GetProperty("status").GetString().Should().Be("Degraded");
            check.GetProperty("description").GetString().Should().Be("History database failing");
            check.GetProperty("data").GetProperty("lastError").GetString().Should().Contain("locked");
            check.GetProperty("data").GetProperty("pendingRows").GetInt32().Should().BePositive();
            check.GetProperty("data").GetProperty("path").GetString().Should().Be(database.FilePath);
            healthz.GetProperty("status").GetString().Should().NotBe("Healthy");

            // Still serving while degraded.
            LevelOf(await GetJsonAsync(client, "/api/status", HttpStatusCode.OK), "lk-a").Should().Be("major_outage");
            Count(database.FilePath, "SELECT count(*) FROM transitions").Should().Be(transitionsBefore, "nothing got through the lock");

            using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        // Act: the lock is gone; the retry (next flush interval on the fake clock) writes what was kept.
        await WaitForHistoryAsync(health, () => health.Healthy && health.Pending == 0, "the retry after the lock was released",
            between: () => _time.Advance(TimeSpan.FromSeconds(1)));

        // Assert: nothing lost.
        var reader = app.Services.GetRequiredService<HistoryReader>();
        reader.Transitions("lk-a", Utc("2026-11-25T00:00:00Z")).Select(t => (t.From, t.To))
            .Should().Equal((StatusLevel.Unknown, StatusLevel.Operational), (StatusLevel.Operational, StatusLevel.MajorOutage));
        reader.OpenIncidents().Should().ContainSingle(i => i.Service == "lk-a" && i.Id == "inc1");
        reader.LastStatuses().Single(s => s.Status.Id == "lk-a").Status.Status.Should().Be(StatusLevel.MajorOutage);
        HistoryCheck(await GetJsonAsync(client, "/healthz", HttpStatusCode.OK)).GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task DataDirectoryIsARegularFile_StartsAndServes_HealthDegraded_History503()
    {
        // Arrange: the data directory path is taken by a file, so the folder cannot be created.
        var blocked = Path.Combine(TestData.NewDirectory(), "not-a-folder");
        await File.WriteAllTextAsync(blocked, "I am a file", TestContext.Current.CancellationToken);
        Page("ro-a", StatuspageJson.Summary("major"));
        Page("ro-b", StatuspageJson.Summary("none"));
        await using var app = new StatusBoardApp(Catalog("ro-a", "ro-b"), _time, new Dictionary<string, string?>
        {
            ["StatusBoard:DataDirectory"] = blocked,
        });

        // Act
        _ = app.Server;
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        using var client = app.CreateClient();

        // Assert: the live dashboard works.
        var status = await GetJsonAsync(client, "/api/status", HttpStatusCode.OK);
        LevelOf(status, "ro-a").Should().Be("partial_outage");
        LevelOf(status, "ro-b").Should().Be("operational");

        // Assert: /healthz reports the history check degraded, with the reason.
        var healthz = await GetJsonAsync(client, "/healthz", HttpStatusCode.OK);
        var check = HistoryCheck(healthz);
        check.GetProperty("status").GetString().Should().Be("Degraded");
        check.GetProperty("description").GetString().Should().Be("History database failing");
        check.GetProperty("data").GetProperty("lastWriteAt").GetString().Should().Be("never");

        // Assert: the history endpoints answer 503 problem JSON, not 500.
        foreach (var url in new[] { "/api/status/ro-a/history", "/api/status/ro-a/incidents" })
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, url);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            problem.RootElement.GetProperty("status").GetInt32().Should().Be(503);
            problem.RootElement.GetProperty("title").GetString().Should().Be("History unavailable");
        }
        File.ReadAllText(blocked).Should().Be("I am a file", "the file in the way is left alone");
    }
}

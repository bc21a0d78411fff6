using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Reload;

/// <summary>The real web app on a catalog file that is edited on disk while it runs (real clock: the file watcher is real).</summary>
public sealed class CatalogReloadTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        foreach (var id in new[] { "alpha", "beta", "gamma", "delta" })
        {
            _upstream.Set($"/{id}.json", StatuspageJson.Summary());
        }
    }

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private TestCatalog.Entry Entry(string id, string? name = null, string? path = null) => new(id, _upstream.Url(path ?? $"/{id}.json"), Name: name);

    private static string Json(IEnumerable<TestCatalog.Entry> entries) => File.ReadAllText(TestCatalog.Write(entries));

    /// <summary>Replaces the file by rename, as editors do, and returns the version the store had before.</summary>
    private static long Replace(string path, string content, SnapshotStore store)
    {
        var version = store.Current.Version;
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return version;
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "configuration");
    }

    private static async Task<string[]> ApiIdsAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/status", TestContext.Current.CancellationToken);
        return [.. body.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Reload_AddRemoveRename_OneVersionEach_AddedPolledAtOnce_UnchangedNotRepolled()
    {
        // Arrange
        var path = TestCatalog.Write([Entry("alpha"), Entry("beta")]);
        await using var app = new StatusBoardApp(path);
        var client = app.CreateClient();
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var alphaHits = _upstream.Hits("/alpha.json");

        // Act: add gamma
        var before = Replace(path, Json([Entry("alpha"), Entry("beta"), Entry("gamma")]), app.Store);
        var clock = Stopwatch.StartNew();
        var reloaded = await app.Store.WaitForAsync(s => s.Find("gamma") is not null);
        TestContext.Current.TestOutputHelper?.WriteLine($"Catalog edit picked up in {clock.ElapsedMilliseconds} ms");

        // Assert: the first version with gamma carries the whole new list (subscriptions coalesce, so "exactly one
        // version" is asserted synchronously in EngineReconcileTests); gamma is polled at once; alpha is not polled again
        reloaded.Version.Should().BeGreaterThan(before);
        reloaded.Services.Select(s => s.Id).Should().Equal("alpha", "beta", "gamma");
        await _upstream.WaitForHitsAsync("/gamma.json", 1);
        (await app.Store.WaitForAsync(s => s.Service("gamma").CheckedAt is not null)).Service("gamma").Status.Should().Be(StatusLevel.Operational);
        (await ApiIdsAsync(client)).Should().Equal("alpha", "beta", "gamma");

        // Act: remove beta and rename gamma to delta (same upstream path as a new id)
        before = Replace(path, Json([Entry("alpha"), Entry("delta", path: "/gamma.json")]), app.Store);
        var renamed = await app.Store.WaitForAsync(s => s.Find("delta") is not null);

        // Assert
        renamed.Version.Should().BeGreaterThan(before);
        renamed.Services.Select(s => s.Id).Should().Equal("alpha", "delta");
        await _upstream.WaitForHitsAsync("/gamma.json", 2);
        (await ApiIdsAsync(client)).Should().Equal("alpha", "delta");
        _upstream.Hits("/alpha.json").Should().Be(alphaHits, "an unchanged entry keeps its schedule");
    }

    [Fact]
    public async Task Reload_NameChange_AppliesWithoutPoll_UrlChange_PolledAtOnce()
    {
        // Arrange
        var path = TestCatalog.Write([Entry("alpha"), Entry("beta")]);
        await using var app = new StatusBoardApp(path);
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var alphaHits = _upstream.Hits("/alpha.json");

        // Act
        Replace(path, Json([Entry("alpha", name: "Alpha Renamed"), Entry("beta", path: "/delta.json")]), app.Store);
        var renamed = await app.Store.WaitForAsync(s => s.Service("alpha").Name == "Alpha Renamed");
        await _upstream.WaitForHitsAsync("/delta.json", 1);

        // Assert
        renamed.Service("alpha").Status.Should().Be(StatusLevel.Operational, "the reading is kept");
        _upstream.Hits("/alpha.json").Should().Be(alphaHits, "a name change needs no poll");
    }

    [Fact]
    public async Task Reload_BrokenEdit_KeepsRunningConfig_HealthDegraded_UntilFixed()
    {
        // Arrange
        var path = TestCatalog.Write([Entry("alpha")]);
        await using var app = new StatusBoardApp(path);
        var client = app.CreateClient();
        await app.Store.WaitForAsync(s => s.Service("alpha").CheckedAt is not null);
        (await HealthAsync(client)).GetProperty("status").GetString().Should().Be("Healthy");

        // Act: invalid JSON, then an invalid value
        var attempts = Attempts(app);
        Replace(path, "[{\"id\": \"alpha\",", app.Store);
        var rejected = await HealthAfterAsync(app, client, attempts);
        attempts = Attempts(app);
        Replace(path, Json([Entry("alpha"), new TestCatalog.Entry("Bad Id", _upstream.Url("/beta.json"))]), app.Store);
        var invalid = await HealthAfterAsync(app, client, attempts);

        // Assert: still the old catalog, health says why
        rejected.GetProperty("status").GetString().Should().Be("Degraded");
        rejected.GetProperty("description").GetString().Should().StartWith("configuration rejected at ").And.Contain("not valid JSON");
        invalid.GetProperty("description").GetString().Should().Contain("[1]:id 'Bad Id'");
        (await ApiIdsAsync(client)).Should().Equal("alpha");

        // Act: fix it
        attempts = Attempts(app);
        Replace(path, Json([Entry("alpha"), Entry("beta")]), app.Store);
        var healthy = await HealthAfterAsync(app, client, attempts);
        await app.Store.WaitForAsync(s => s.Find("beta") is not null);

        // Assert
        healthy.GetProperty("status").GetString().Should().Be("Healthy");
        healthy.GetProperty("data").GetProperty("source").GetString().Should().Be(path);
    }

    [Fact]
    public async Task Reload_OneChangeAmong200Services_RepollsOnlyTheChangedOne()
    {
        // Arrange
        var entries = Enumerable.Range(0, 200).Select(i => Entry($"s{i}", path: "/alpha.json")).ToList();
        var path = TestCatalog.Write(entries);
        await using var app = new StatusBoardApp(path);
        await app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var hits = _upstream.TotalHits;

        // Act
        entries[7] = Entry("s7", path: "/beta.json");
        var before = Replace(path, Json(entries), app.Store);
        await _upstream.WaitForHitsAsync("/beta.json", 1);
        var after = await app.Store.WaitForAsync(s => s.Service("s7").CheckedAt is not null && s.Version > before);

        // Assert
        _upstream.TotalHits.Should().Be(hits + 1);
        after.Services.Should().HaveCount(200);
    }

    /// <summary>Waits for the next reload attempt after <paramref name="attempts"/> (valid or not), then reads /healthz.</summary>
    private static async Task<JsonElement> HealthAfterAsync(StatusBoardApp app, HttpClient client, long attempts)
    {
        await app.Services.GetRequiredService<LiveCatalog>().WaitForAttemptsAsync(attempts + 1, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30));
        return await HealthAsync(client);
    }

    private static long Attempts(StatusBoardApp app) => app.Services.GetRequiredService<LiveCatalog>().Attempts;
}

using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Reload;

/// <summary>Reconciliation in the Core engine on a fake clock: the catalog file is rewritten and reloaded directly (the watcher is covered by <see cref="CatalogReloadTests"/>).</summary>
public sealed class EngineReconcileTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private TestCatalog.Entry Entry(string id, IReadOnlyDictionary<string, object?>? extra = null) => new(id, _upstream.Url($"/{id}.json"), Extra: extra);

    private static void Rewrite(string path, string json) => File.WriteAllText(path, json);

    private static string Json(IEnumerable<TestCatalog.Entry> entries) => File.ReadAllText(TestCatalog.Write(entries));

    [Fact]
    public async Task Reload_RemovedServiceComesBack_ItsLastStatusIsRestored()
    {
        // Arrange
        _upstream.Set("/alpha.json", StatuspageJson.Summary());
        _upstream.Set("/beta.json", StatuspageJson.Summary(indicator: "minor", incidentImpact: "minor"));
        var path = TestCatalog.Write([Entry("alpha"), Entry("beta")]);
        await using var host = await EngineHost.StartAsync(path);
        var degraded = await host.Store.WaitForAsync(s => s.Service("beta").Status == StatusLevel.Degraded);
        // Its history row, as the recorder writes it (the recorder's own timing is not under test here).
        var saved = new HistoryBatch();
        saved.Statuses["beta"] = degraded.Service("beta");
        host.Services.GetRequiredService<HistoryWriter>().Write(saved, host.Time.GetUtcNow());
        var catalog = host.Services.GetRequiredService<LiveCatalog>();

        // Act: remove beta, then bring it back while its upstream hangs (so what shows is the restored status)
        Rewrite(path, Json([Entry("alpha")]));
        catalog.Reload();
        var removed = host.Store.Current;
        _upstream.Hang("/beta.json");
        Rewrite(path, Json([Entry("alpha"), Entry("beta")]));
        catalog.Reload();
        var back = host.Store.Current;

        // Assert
        removed.Find("beta").Should().BeNull();
        back.Version.Should().Be(removed.Version + 1);
        back.Service("beta").Status.Should().Be(StatusLevel.Degraded);
        back.Service("beta").Stale.Should().BeTrue("a restored status is the last known one, not a reading");
    }

    [Fact]
    public async Task Reload_Rejected_LoggedOnceWithEveryMessage_RunningConfigStays()
    {
        // Arrange
        _upstream.Set("/alpha.json", StatuspageJson.Summary());
        var logs = new CapturingLoggerProvider();
        var path = TestCatalog.Write([Entry("alpha")]);
        await using var host = await EngineHost.StartAsync(path, logs: logs);
        await host.Store.WaitForAsync(s => s.Service("alpha").CheckedAt is not null);
        var catalog = host.Services.GetRequiredService<LiveCatalog>();
        var version = host.Store.Current.Version;

        // Act: two problems, saved twice (editors write in steps)
        Rewrite(path, Json([Entry("alpha"), new TestCatalog.Entry("Bad Id", _upstream.Url("/b.json")), new TestCatalog.Entry("gamma", _upstream.Url("/g.json"), Provider: "statuspag")]));
        catalog.Reload();
        catalog.Reload();

        // Assert
        var rejections = logs.Entries.Where(e => e.Category == typeof(LiveCatalog).FullName && e.Level == LogLevel.Error).ToList();
        rejections.Should().ContainSingle();
        rejections[0].Message.Should().Contain(path).And.Contain("[1]:id 'Bad Id'").And.Contain("provider 'statuspag' (service 'gamma')");
        catalog.Rejection!.Messages.Should().HaveCount(2);
        host.Store.Current.Version.Should().Be(version, "the running configuration stays in force");
        catalog.Value.Services.Select(s => s.Id).Should().Equal("alpha");

        // Act: fix it
        Rewrite(path, Json([Entry("alpha")]));
        catalog.Reload();

        // Assert
        catalog.Rejection.Should().BeNull();
        logs.Entries.Should().Contain(e => e.Category == typeof(LiveCatalog).FullName && e.Level == LogLevel.Information
            && e.Message.Contains("Configuration loaded from " + path));
    }

    [Fact]
    public async Task Reload_ComponentsChanged_PolledAtOnceWithoutOldValidators_UnchangedNotPolled()
    {
        // Arrange
        _upstream.SetWithETag("/alpha.json", StatuspageJson.Summary());
        _upstream.SetWithETag("/beta.json", StatuspageJson.Summary());
        var path = TestCatalog.Write([Entry("alpha"), Entry("beta")]);
        await using var host = await EngineHost.StartAsync(path);
        await host.WaitForCompletedPollsAsync(2);

        // Act
        Rewrite(path, Json([Entry("alpha"), Entry("beta", new Dictionary<string, object?> { ["components"] = new[] { "API" } })]));
        host.Services.GetRequiredService<LiveCatalog>().Reload();
        await host.WaitForCompletedPollsAsync(3);

        // Assert: a fresh 200 (validators reset), and only the changed entry polled
        _upstream.Hits("/beta.json").Should().Be(2);
        _upstream.NotModifiedCount("/beta.json").Should().Be(0);
        _upstream.Hits("/alpha.json").Should().Be(1);
        host.Store.Current.Service("beta").Components.Where(c => c.Watched).Select(c => c.Name).Should().Equal("API");
    }

    [Fact]
    public async Task Reload_WhileAnUnchangedServiceIsPolling_ItsReadingStillLands()
    {
        // Arrange: alpha answers slowly, so its first poll is in flight during the reload
        _upstream.Slow("/alpha.json", StatuspageJson.Summary(), TimeSpan.FromSeconds(1));
        _upstream.Set("/gamma.json", StatuspageJson.Summary());
        var path = TestCatalog.Write([Entry("alpha")]);
        await using var host = await EngineHost.StartAsync(path);
        await _upstream.WaitForHitsAsync("/alpha.json", 1);

        // Act
        Rewrite(path, Json([Entry("alpha"), Entry("gamma")]));
        host.Services.GetRequiredService<LiveCatalog>().Reload();
        var after = await host.Store.WaitForAsync(s => s.Find("alpha")?.CheckedAt is not null && s.Find("gamma")?.CheckedAt is not null);

        // Assert
        after.Service("alpha").Status.Should().Be(StatusLevel.Operational);
        _upstream.Hits("/alpha.json").Should().Be(1);
    }
}

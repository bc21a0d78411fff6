using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// A poll that took longer than its interval (a slow page, a host gate queue) is followed at once by the next one,
/// often before the store has published the first one's reading (it coalesces for PublishDelay). The next status must
/// still be composed from that reading, not from the older published one.
/// </summary>
public sealed class PollAfterSlowPollTests : IAsyncLifetime
{
    private const string Page = "/svc/api/v2/summary.json";
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task NextPoll_BeforeTheLastReadingWasPublished_ComposesFromThatReading()
    {
        // Arrange: operational, published; 100 ms later a poll reads degraded, which waits for PublishDelay (5 s here).
        _upstream.Set(Page, StatuspageJson.Summary("none"));
        await using var engine = await EngineHost.StartAsync(TestCatalog.Write([new TestCatalog.Entry("svc", _upstream.Url(Page))]),
            new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0", ["StatusBoard:PublishDelay"] = "00:00:05" });
        await engine.WaitForCompletedPollsAsync(1);
        var poller = engine.Services.GetRequiredService<ServicePoller>();
        var service = engine.Services.GetRequiredService<IOptions<CatalogOptions>>().Value.Services.Single();
        var ct = TestContext.Current.CancellationToken;
        engine.Time.Advance(TimeSpan.FromMilliseconds(100));
        _upstream.Set(Page, StatuspageJson.Summary("minor", componentStatus: "degraded_performance"));
        var degradedAt = engine.Time.GetUtcNow();
        (await poller.PollAsync(service, ct)).Status.Should().Be(StatusLevel.Degraded);
        engine.Store.Current.Find("svc")!.Status.Should().Be(StatusLevel.Operational, "the degraded reading is not published yet");

        // Act: the next poll, 100 ms later, still inside the publish window.
        engine.Time.Advance(TimeSpan.FromMilliseconds(100));
        var next = await poller.PollAsync(service, ct);

        // Assert
        next.Status.Should().Be(StatusLevel.Degraded);
        next.LastChangedAt.Should().Be(degradedAt, "degraded since the reading before, not since this one");
    }
}

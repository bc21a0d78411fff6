using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>A 304 means the bytes are unchanged, not the verdict: time-dependent providers read them again.</summary>
public sealed class NotModifiedTests : IAsyncLifetime
{
    private const string FeedPath = "/feed.xml";
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    // Published at the fake clock's start (EngineHost: 2026-11-25 12:00 UTC).
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Example status</title>
          <item><title>Elevated error rates</title><description>We are investigating.</description>
            <pubDate>Wed, 25 Nov 2026 12:00:00 GMT</pubDate><guid>incident-1</guid></item>
        </channel></rss>
        """;

    [Fact]
    public async Task NotModified_RssItemOlderThanWindow_AgesOutInsteadOfReplayingTheOldVerdict()
    {
        // Arrange: an item inside a 35 s window; the feed answers 304 from the second poll on.
        _upstream.SetWithETag(FeedPath, Feed, "application/rss+xml");
        var catalog = TestCatalog.Write([new("feed", _upstream.Url(FeedPath), Provider: "rss",
            Extra: new Dictionary<string, object?> { ["rss"] = new { window = "00:00:35" } })]);
        await using var engine = await EngineHost.StartAsync(catalog, new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });
        await engine.Store.WaitForAsync(s => s.Service("feed").Status == StatusLevel.Degraded);

        // Act: one interval later the item is 60 s old; the feed is unchanged.
        await engine.WaitForCompletedPollsAsync(1);
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        await engine.WaitForCompletedPollsAsync(2);

        // Assert
        _upstream.NotModifiedCount(FeedPath).Should().Be(1, "the second poll was conditional");
        var feed = engine.Store.Current.Service("feed");
        feed.Status.Should().Be(StatusLevel.Operational, "the unchanged feed, read at the current time, has no item inside the window");
        feed.Incidents.Should().BeEmpty();
        feed.Error.Should().BeNull();
    }
}

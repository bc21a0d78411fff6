using System.Net;
using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Feeds;

/// <summary>A feed follows the snapshot: its own app, since the upstream changes here.</summary>
public sealed class FeedUpdateTests(FeedApp feed) : IClassFixture<FeedApp>
{
    [Fact]
    public async Task Feed_NewIncidentUpstream_IsANewEntry_UnderANewETag()
    {
        // Arrange
        using var before = await AtomFeedTests.GetAsync(feed, "/feed.atom?service=npm");
        var etag = before.Headers.ETag!.Tag;

        // Act: npm opens an incident and is polled again.
        feed.Upstream.Set("/npm/api/v2/summary.json", StatuspageJson.Summary("major", incidentImpact: "major", incidentBody: "Publishing fails."));
        feed.Time.Advance(TimeSpan.FromSeconds(67));
        await feed.App.Store.WaitForAsync(s => s.Service("npm").Incidents.Count == 1);
        using var after = await AtomFeedTests.GetAsync(feed, "/feed.atom?service=npm", etag);

        // Assert
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        after.Headers.ETag!.Tag.Should().NotBe(etag);
        (await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("Publishing fails.");
    }
}

using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// Issue 17's last "Done when": one box without <c>Cluster:Redis</c> behaves as before — no cluster check, no role
/// log line, it polls every page at its interval by itself and streams a change.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class SingleBoxTests
{
    [Fact]
    public async Task WithoutClusterRedis_NoClusterCheck_ItPollsAsOnePoller_AndStreamsAChange()
    {
        // Arrange: one node, no Redis, SQLite history
        await using var box = await ClusterNodes.StartSingleAsync();
        var node = box.Nodes.Single();
        await box.PolledAsync();
        await using var stream = await node.OpenStreamAsync();
        var watchedFrom = DateTimeOffset.UtcNow;
        var hitsBefore = ClusterNodes.Services.ToDictionary(id => id, id => box.Upstream.Hits(ClusterNodes.Page(id)));

        // Act: a page goes down; watch five more intervals
        box.Upstream.Set(ClusterNodes.Page("svc04"), StatuspageJson.Summary("critical", "major_outage"));
        var change = await stream.WaitForStatusAsync("svc04", "major_outage");
        await box.Upstream.WaitForHitsAsync(ClusterNodes.Page("svc01"), hitsBefore["svc01"] + 5, TimeSpan.FromSeconds(60));
        var watched = DateTimeOffset.UtcNow - watchedFrom;

        // Assert: no cluster check, no role ever announced, and every page polled at its interval
        (await node.GetClusterHealthAsync()).Should().BeNull("one box has no cluster");
        node.Roles.Should().BeEmpty();
        (await node.GetStringAsync("/healthz")).Should().Contain("\"history\"");
        foreach (var id in ClusterNodes.Services)
        {
            (box.Upstream.Hits(ClusterNodes.Page(id)) - hitsBefore[id]).Should()
                .BeInRange(1, (int)Math.Ceiling(watched / ClusterNodes.PollInterval * 1.3) + 1, id);
        }
        box.ShortGaps().Should().OnlyContain(g => g.Value <= box.Terms);
        (await node.GetStatusAsync()).Version.Should().BeGreaterThanOrEqualTo(change.Version);
    }
}

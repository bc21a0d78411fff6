using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// Issue 17, first test: three nodes against one upstream. Exactly one polls (the upstream's per-page hits look like
/// one poller's), all three serve the same version, ETag and bytes, and an SSE client on each node receives a change
/// within 1 s of the others. Real processes and real time: 60 s failure bounds, pacing by the upstream's hits.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class ThreeNodesOnePollerTests
{
    [Fact]
    public async Task ThreeNodes_OnePolls_AllServeTheSameVersion_AndEveryStreamGetsAChangeWithinOneSecond()
    {
        // Arrange: three nodes, one leader agreed by all, a stream open on each
        await using var cluster = await ClusterNodes.StartAsync(3);
        var leader = await cluster.AgreedLeaderAsync();
        await cluster.PolledAsync();
        var streams = await Task.WhenAll(cluster.Nodes.Select(n => n.OpenStreamAsync()));
        await using var s1 = streams[0];
        await using var s2 = streams[1];
        await using var s3 = streams[2];
        var watchedFrom = DateTimeOffset.UtcNow;
        var hitsBefore = ClusterNodes.Services.ToDictionary(id => id, id => cluster.Upstream.Hits(ClusterNodes.Page(id)));

        // Act: one page goes down upstream
        cluster.Upstream.Set(ClusterNodes.Page("svc03"), StatuspageJson.Summary("critical", "major_outage"));
        var received = await Task.WhenAll(streams.Select(s => s.WaitForStatusAsync("svc03", "major_outage")));

        // Assert: every node delivered the change within 1 s of the first; one version id means the same bytes on every
        // node (a stream sends the latest version, so a busy one may deliver a later version than the others)
        received.GroupBy(e => e.Id).Should().OnlyContain(g => g.Select(e => e.Data).Distinct().Count() == 1,
            "followers serve the leader's bytes, instance and all");
        (received.Max(e => e.At) - received.Min(e => e.At)).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));

        // Assert: at one version, /api/status is the same ETag and bytes on every node
        var statuses = await cluster.SameVersionAsync();
        statuses.Select(s => s.ETag).Distinct().Should().ContainSingle();
        statuses.Select(s => Convert.ToBase64String(s.Bytes)).Distinct().Should().ContainSingle();

        // Act: watch the upstream for eight more poll intervals (paced by its hits)
        await cluster.Upstream.WaitForHitsAsync(ClusterNodes.Page("svc01"), hitsBefore["svc01"] + 8, TimeSpan.FromSeconds(60));
        var watched = DateTimeOffset.UtcNow - watchedFrom;

        var shortGaps = cluster.ShortGaps();
        foreach (var node in cluster.Nodes)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{node.Name}: {string.Join(", ", node.Roles.Select(r => $"{r.Role} at {r.At:HH:mm:ss.fff}"))}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine("svc01 polled at " + string.Join(", ", cluster.Upstream.HitTimes(ClusterNodes.Page("svc01")).Select(t => t.ToString("HH:mm:ss.fff"))));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"change reached the three streams within {(received.Max(e => e.At) - received.Min(e => e.At)).TotalMilliseconds:0} ms; " +
            $"gaps under half an interval by page {string.Join(",", shortGaps.Values)} ({cluster.Terms} term); " +
            $"polls of svc01..svc09 in {watched.TotalSeconds:0.0} s: {string.Join(",", ClusterNodes.Services.Select(id => cluster.Upstream.Hits(ClusterNodes.Page(id)) - hitsBefore[id]))} (one poller: {watched / ClusterNodes.PollInterval:0.0})");

        // Assert: one poller — requests for a page closer than half an interval only as one poller makes them, and as
        // many requests as one poller makes in that time (three pollers would make three times as many)
        shortGaps.Should().OnlyContain(g => g.Value <= cluster.Terms, "only the leader polls");
        var onePoller = watched / ClusterNodes.PollInterval;
        foreach (var id in ClusterNodes.Services)
        {
            (cluster.Upstream.Hits(ClusterNodes.Page(id)) - hitsBefore[id]).Should().BeLessThanOrEqualTo((int)Math.Ceiling(onePoller * 1.3) + 1, id);
        }

        // Assert: the nodes say who leads, in /healthz and /metrics
        var health = await Task.WhenAll(cluster.Nodes.Select(n => n.GetClusterHealthAsync()));
        health.Should().OnlyContain(h => h != null && h.Status == "Healthy" && h.Redis == "reachable" && !h.Stale && h.LeaseHolder == leader.Name);
        health.Select(h => h!.Node).Should().Equal(cluster.Nodes.Select(n => n.Name));
        health.Count(h => h!.Role == "leader").Should().Be(1);
        var leaderGauges = await Task.WhenAll(cluster.Nodes.Select(n => n.GetMetricAsync("statusboard_cluster_leader")));
        leaderGauges.Should().Equal(cluster.Nodes.Select(n => n == leader ? (double?)1 : 0));
        var lags = await Task.WhenAll(cluster.Nodes.Select(n => n.GetMetricAsync("statusboard_cluster_version_lag")));
        lags.Should().OnlyContain(l => l >= 0 && l <= 1, "a follower adopts each version as it hears of it");
        (await Task.WhenAll(cluster.Nodes.Select(n => n.GetMetricAsync("statusboard_cluster_snapshot_age_seconds"))))
            .Should().OnlyContain(a => a >= 0);
    }
}

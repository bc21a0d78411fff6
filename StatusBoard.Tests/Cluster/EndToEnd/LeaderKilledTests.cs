using FluentAssertions;
using FluentAssertions.Execution;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// Issue 17, second test: kill -9 the leader. Another node leads within two lease periods, a change made upstream
/// during the failover shows on every node, versions keep increasing on each, and the new leader resumes the old
/// one's schedule instead of polling everything at takeover (no poll storm): the first test kills the leader right
/// after it polled a page, the second once that poll has reached the follower.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class LeaderKilledTests
{
    [Fact]
    public async Task LeaderKilled_AnotherLeadsWithinTwoLeasePeriods_NoReadingLost_VersionsIncrease_NoPollStorm()
    {
        // Arrange: three nodes; streams on the two followers; the leader has just polled the slow page
        await using var cluster = await ClusterNodes.StartAsync(3);
        var leader = await cluster.AgreedLeaderAsync();
        await cluster.PolledAsync();
        var survivors = cluster.Nodes.Where(n => n != leader).ToList();
        var streams = await Task.WhenAll(survivors.Select(n => n.OpenStreamAsync()));
        await using var s1 = streams[0];
        await using var s2 = streams[1];
        var slow = ClusterNodes.Page(ClusterNodes.SlowService);
        await cluster.Upstream.WaitForHitsAsync(slow, cluster.Upstream.Hits(slow) + 1, TimeSpan.FromSeconds(60));
        var lastSlowPoll = cluster.Upstream.HitTimes(slow)[^1];
        var versionsBefore = await Task.WhenAll(survivors.Select(n => n.GetStatusAsync()));

        // Act: kill -9 the leader, and change a page upstream while nobody leads
        var killedAt = DateTimeOffset.UtcNow;
        await leader.KillAsync();
        cluster.Upstream.Set(ClusterNodes.Page("svc05"), StatuspageJson.Summary("critical", "major_outage"));
        var takeover = await await Task.WhenAny(survivors.Select(n => n.WaitForRoleAsync("leader", killedAt)));

        // Assert: one survivor leads, and the other agrees (how soon: last, once the rest is known)
        TestContext.Current.TestOutputHelper?.WriteLine($"kill -9 -> new leader's log line: {(takeover.At - killedAt).TotalMilliseconds:0} ms (lease {ClusterNodes.LeasePeriod.TotalSeconds} s)");
        var newLeader = await cluster.AgreedLeaderAsync();
        newLeader.Roles.Should().Contain(takeover);

        // Assert: the change made during the failover shows on both survivors, on a higher version than before
        var received = await Task.WhenAll(streams.Select(s => s.WaitForStatusAsync("svc05", "major_outage")));
        // Not necessarily the same event on both: a stream sends the latest version and skips those it was too busy
        // for; that every node shows one version's same bytes is asserted next.
        received.Should().OnlyContain(e => e.Version > versionsBefore.Max(v => v.Version));
        (await cluster.SameVersionAsync()).Select(s => s.ETag).Distinct().Should().ContainSingle();
        foreach (var stream in streams)
        {
            stream.Events.Select(e => e.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems($"{stream.Name}'s versions never go down");
        }

        // Assert (all reported together): no poll storm — each fast page at most twice in the first interval after
        // takeover, and the slow page, polled just before the kill, not again before its interval comes due (but then);
        // never two pollers; the takeover within two lease periods of the kill
        await cluster.Upstream.WaitForHitsAsync(slow, cluster.Upstream.HitTimes(slow).Count(t => t <= killedAt) + 1, TimeSpan.FromSeconds(60));
        var firstSlowPollAfterKill = cluster.Upstream.HitTimes(slow).First(t => t > killedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"slow page: polled {(killedAt - lastSlowPoll).TotalMilliseconds:0} ms before the kill, " +
            $"next {(firstSlowPollAfterKill - lastSlowPoll).TotalSeconds:0.0} s after that (interval {ClusterNodes.SlowInterval.TotalSeconds} s)");
        using (new AssertionScope())
        {
            foreach (var id in ClusterNodes.Services)
            {
                cluster.Upstream.HitTimes(ClusterNodes.Page(id)).Count(t => t >= takeover.At && t < takeover.At + ClusterNodes.PollInterval)
                    .Should().BeLessThanOrEqualTo(2, $"{id} must not be polled in a burst at takeover");
            }
            (firstSlowPollAfterKill - lastSlowPoll).Should().BeGreaterThanOrEqualTo(ClusterNodes.SlowInterval * 0.9 - TimeSpan.FromMilliseconds(500),
                "the new leader resumes the schedule: the slow page was checked just before the kill");
            cluster.ShortGaps().Where(g => g.Key != ClusterNodes.SlowService).Should()
                .OnlyContain(g => g.Value <= cluster.Terms, "never two pollers at once");
            (takeover.At - killedAt).Should().BeLessThanOrEqualTo(ClusterNodes.LeasePeriod * 2, "failover is due within two lease periods");
        }
    }

    [Fact]
    public async Task LeaderKilledAfterItsLastPollReachedTheFollower_TheNewLeaderPollsThatPageWhenItIsDue()
    {
        // Arrange: two nodes; the leader polls the slow page and the follower has received that reading
        await using var cluster = await ClusterNodes.StartAsync(2);
        var leader = await cluster.AgreedLeaderAsync();
        var follower = cluster.Nodes.Single(n => n != leader);
        await using var stream = await follower.OpenStreamAsync();
        var slow = ClusterNodes.Page(ClusterNodes.SlowService);
        await cluster.Upstream.WaitForHitsAsync(slow, cluster.Upstream.Hits(slow) + 1, TimeSpan.FromSeconds(60));
        var lastSlowPoll = cluster.Upstream.HitTimes(slow)[^1];
        await stream.WaitForAsync(e => e.CheckedAtOf(ClusterNodes.SlowService) >= lastSlowPoll - TimeSpan.FromSeconds(1),
            "the slow page's last check");

        // Act: kill -9 the leader; the follower takes over
        var killedAt = DateTimeOffset.UtcNow;
        await leader.KillAsync();
        var takeover = await follower.WaitForRoleAsync("leader", killedAt);
        await cluster.Upstream.WaitForHitsAsync(slow, cluster.Upstream.HitTimes(slow).Count(t => t <= killedAt) + 1, TimeSpan.FromSeconds(60));

        // Assert: the slow page was polled when its interval came due, not at the takeover
        var next = cluster.Upstream.HitTimes(slow).First(t => t > killedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"slow page: polled {(killedAt - lastSlowPoll).TotalSeconds:0.0} s before the kill, " +
            $"takeover {(takeover.At - killedAt).TotalSeconds:0.0} s after it, next poll {(next - lastSlowPoll).TotalSeconds:0.0} s after the last");
        (next - lastSlowPoll).Should().BeGreaterThanOrEqualTo(ClusterNodes.SlowInterval * 0.9 - TimeSpan.FromMilliseconds(500),
            "the new leader resumes the schedule it received");
        next.Should().BeAfter(takeover.At);
    }
}

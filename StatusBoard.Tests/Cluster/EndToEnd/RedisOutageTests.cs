using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// Issue 17, third test: Redis stops (a crash: every key gone) and comes back on the same port. Meanwhile every node
/// keeps serving its last version, says <c>redis: unreachable</c>, and after StaleAfter <c>stale: true</c>; once
/// Redis is back they catch up with a change made while it was away, versions never go down, and over the whole
/// test the upstream never saw two pollers.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class RedisOutageTests
{
    private static readonly TimeSpan s_staleAfter = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task RedisStopped_NodesServeTheirLastVersionThenFlagStale_RedisBack_TheyCatchUp_NeverTwoPollers()
    {
        // Arrange: three nodes settled on one version, a stream on each
        await using var cluster = await ClusterNodes.StartAsync(3, s_staleAfter);
        await cluster.AgreedLeaderAsync();
        await cluster.PolledAsync();
        var streams = await Task.WhenAll(cluster.Nodes.Select(n => n.OpenStreamAsync()));
        await using var s1 = streams[0];
        await using var s2 = streams[1];
        await using var s3 = streams[2];
        var before = await Task.WhenAll(cluster.Nodes.Select(n => n.GetStatusAsync()));

        // Act: Redis goes away
        await cluster.Redis!.StopAsync();
        var unreachable = await cluster.WaitForHealthAsync(h => h.Redis == "unreachable", "redis: unreachable");

        // Assert: each node still serves (at least) the version it had, and says Redis is unreachable
        unreachable.Should().OnlyContain(h => h.Status == "Degraded");
        var during = await Task.WhenAll(cluster.Nodes.Select(n => n.GetStatusAsync()));
        during.Select(s => s.Version).Should().Equal(before.Select(s => s.Version), (now, then) => now >= then);

        // Act: a change upstream while Redis is away; wait past StaleAfter
        cluster.Upstream.Set(ClusterNodes.Page("svc07"), StatuspageJson.Summary("critical", "major_outage"));
        var stale = await cluster.WaitForHealthAsync(h => h.Stale, "stale: true");

        // Assert: flagged stale, still Degraded, and still serving
        stale.Should().OnlyContain(h => h.Status == "Degraded" && h.Redis == "unreachable");
        (await Task.WhenAll(cluster.Nodes.Select(n => n.GetStatusAsync()))).Should().OnlyContain(s => s.Bytes.Length > 0);

        // Act: Redis is back on the same port, empty
        await cluster.Redis.StartAgainAsync();

        // Assert: every node catches up with the change (one that reconnects late may skip to a later version), on a
        // version above any it served before, and then they serve one leader's version again
        var received = await Task.WhenAll(streams.Select(s => s.WaitForStatusAsync("svc07", "major_outage")));
        received.Should().OnlyContain(e => e.Version > during.Max(s => s.Version));
        await cluster.AgreedLeaderAsync();
        (await cluster.SameVersionAsync()).Select(s => s.ETag).Distinct().Should().ContainSingle();
        var recovered = await cluster.WaitForHealthAsync(h => h.Redis == "reachable" && !h.Stale, "reachable and fresh");
        recovered.Should().OnlyContain(h => h.Status == "Healthy");
        foreach (var stream in streams)
        {
            stream.Events.Select(e => e.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems($"{stream.Name}'s versions never go down");
        }

        // Assert: never two pollers, over the whole test
        await cluster.PolledAsync();
        foreach (var node in cluster.Nodes)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{node.Name}: {string.Join(", ", node.Roles.Select(r => $"{r.Role} at {r.At:HH:mm:ss.fff}"))}");
        }
        foreach (var stream in streams)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{stream.Name}'s events: {string.Join(", ", stream.Events.Select(e => $"{e.Id} at {e.At:HH:mm:ss.fff}"))}");
        }
        cluster.ShortGaps().Should().OnlyContain(g => g.Value <= cluster.Terms, "never two pollers at once");
    }
}

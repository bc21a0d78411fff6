using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using StatusBoard.Core.Cluster;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster;

/// <summary>The Redis lease against a real redis-server: one leader, hand-over, failover, and never two at once.</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // failure bound only: a loaded machine is slow
    private readonly LeaderLog _log = new();
    private readonly List<(LeaderElection Election, ConnectionMultiplexer Redis)> _nodes = [];
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var (election, redis) in _nodes)
        {
            await election.StopAsync(CancellationToken.None);
            election.Dispose();
            await redis.DisposeAsync();
        }
        await _redis.DisposeAsync();
    }

    private async Task<LeaderElection> StartNodeAsync(string name)
    {
        var redis = await _redis.ConnectAsync();
        var election = new LeaderElection(new RedisLease(redis.GetDatabase(), "test:leader", name), Period, TimeProvider.System,
            NullLogger<LeaderElection>.Instance);
        _log.Watch(name, election);
        _nodes.Add((election, redis));
        await election.StartAsync(CancellationToken.None);
        return election;
    }

    [Fact]
    public async Task ThreeNodes_ExactlyOneLeads()
    {
        var nodes = new[] { await StartNodeAsync("a"), await StartNodeAsync("b"), await StartNodeAsync("c") };

        await _log.FirstLeader.WaitAsync(Patience, TestContext.Current.CancellationToken);
        // Three more renewal rounds: still exactly that one.
        await Task.Delay(Period * 2, TestContext.Current.CancellationToken);
        nodes.Count(n => n.Role == ClusterRole.Leader).Should().BeLessThanOrEqualTo(1, "a starved leader may step down, never two lead");
        _log.MaxLeadersAtOnce.Should().Be(1);
    }

    [Fact]
    public async Task LeaderStops_AnotherTakesOver_AfterTheOldOneStepped()
    {
        var a = await StartNodeAsync("a");
        await _log.LeaderIs("a").WaitAsync(Patience, TestContext.Current.CancellationToken);
        await StartNodeAsync("b");

        var bLeads = _log.LeaderIs("b");
        await a.StopAsync(CancellationToken.None);
        await bLeads.WaitAsync(Patience, TestContext.Current.CancellationToken);

        _log.MaxLeadersAtOnce.Should().Be(1);
    }

    [Fact]
    public async Task LeaderLosesRedis_StepsDownBeforeTheOtherLeads_AndTheOtherTakesOver()
    {
        var a = await StartNodeAsync("a");
        await _log.LeaderIs("a").WaitAsync(Patience, TestContext.Current.CancellationToken);
        await StartNodeAsync("b");

        var bLeads = _log.LeaderIs("b");
        // a is cut off from Redis (as by a partition): it can no longer renew, and must stop on its own.
        await _nodes[0].Redis.CloseAsync(allowCommandsToComplete: false);
        await bLeads.WaitAsync(Patience, TestContext.Current.CancellationToken);

        a.Role.Should().Be(ClusterRole.Follower);
        _log.MaxLeadersAtOnce.Should().Be(1, "the cut-off leader stops before its lease can be taken");
    }

    [Fact]
    public async Task RedisRestartedEmpty_NeverTwoLeaders_AndOneLeadsAgain()
    {
        await StartNodeAsync("a");
        await StartNodeAsync("b");
        await _log.FirstLeader.WaitAsync(Patience, TestContext.Current.CancellationToken);

        var leadersBefore = _log.LeadershipsStarted;
        await _redis.StopAsync();
        await _redis.StartAgainAsync(); // every key gone: the lease too
        await _log.LeadershipNumber(leadersBefore + 1).WaitAsync(Patience, TestContext.Current.CancellationToken);

        _log.MaxLeadersAtOnce.Should().Be(1, "a node that takes the lost key waits until the old holder has stopped");
    }

    [Fact]
    public async Task LeaseKeyLostWhileTheLeaderStillRuns_TheNodeThatTakesItWaitsUntilTheOldLeaderStopped()
    {
        await StartNodeAsync("a");
        await StartNodeAsync("b");
        await _log.FirstLeader.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await using var admin = await _redis.ConnectAsync();

        // As after a Redis fail-over to a replica without the key: the leader learns it only at its next renewal,
        // while a follower may take the free key first. Three times, so a race a naive lease loses is met.
        for (var round = 1; round <= 3; round++)
        {
            var started = _log.LeadershipsStarted;
            await admin.GetDatabase().KeyDeleteAsync("test:leader");
            await _log.LeadershipNumber(started + 1).WaitAsync(Patience, TestContext.Current.CancellationToken);
        }

        _log.MaxLeadersAtOnce.Should().Be(1);
    }

    /// <summary>Counts leaders at every role change: the split-brain detector.</summary>
    private sealed class LeaderLog
    {
        private readonly Lock _lock = new();
        private readonly HashSet<string> _leaders = [];
        private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waits = [];
        private string? _lastLeader;

        public int MaxLeadersAtOnce { get; private set; }

        public int LeadershipsStarted { get; private set; }

        public Task FirstLeader => Until(() => LeadershipsStarted > 0);

        public Task LeaderIs(string name) => Until(() => _lastLeader == name && _leaders.Contains(name));

        public Task LeadershipNumber(int n) => Until(() => LeadershipsStarted >= n);

        public void Watch(string name, LeaderElection election) => election.RoleChanged += role =>
        {
            lock (_lock)
            {
                if (role == ClusterRole.Leader && _leaders.Add(name))
                {
                    LeadershipsStarted++;
                    _lastLeader = name;
                }
                else if (role == ClusterRole.Follower)
                {
                    _leaders.Remove(name);
                }
                MaxLeadersAtOnce = Math.Max(MaxLeadersAtOnce, _leaders.Count);
                foreach (var wait in _waits.Where(w => w.Done()).ToList())
                {
                    wait.Signal.TrySetResult();
                    _waits.Remove(wait);
                }
            }
        };

        private Task Until(Func<bool> done)
        {
            lock (_lock)
            {
                if (done())
                {
                    return Task.CompletedTask;
                }
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waits.Add((done, signal));
                return signal.Task;
            }
        }
    }
}

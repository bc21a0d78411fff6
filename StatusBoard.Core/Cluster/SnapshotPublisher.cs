using System.Buffers.Binary;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Cluster;

/// <summary>
/// On the leader: publishes every version it makes, in order, through Redis — the frame under the latest key (for
/// nodes that start or reconnect) and on the channel (the push) — and a heartbeat every half lease period. The write
/// is one script that checks the lease is still this node's and the version is higher than the stored one, so a
/// deposed leader's late message can never replace a newer version.
/// </summary>
public sealed partial class SnapshotPublisher(
    SnapshotStore store,
    Leadership leadership,
    IConnectionMultiplexer redis,
    ClusterKeys keys,
    LeaderElection election,
    ClusterState state,
    ClusterOptions options,
    TimeProvider time,
    ILogger<SnapshotPublisher> logger) : BackgroundService
{
    private const string PublishScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
        local stored = tonumber(redis.call('GET', KEYS[3]) or '0')
        if stored >= tonumber(ARGV[2]) then return 0 end
        redis.call('SET', KEYS[3], ARGV[2])
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('PUBLISH', ARGV[4], ARGV[3])
        return 1
        """;

    /// <summary>A heartbeat frame: this tag, then the leader's current version (8 bytes).</summary>
    public static ReadOnlySpan<byte> HeartbeatTag => "SBH"u8;

    /// <summary>A last-check frame: this tag, the check's UTC ticks (8 bytes), the service id (UTF-8).</summary>
    public static ReadOnlySpan<byte> CheckTag => "SBC"u8;

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var feed = store.OpenChangeFeed();
        var heartbeats = HeartbeatAsync(stoppingToken);
        store.Checked += OnChecked;
        try
        {
            await foreach (var change in feed.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (leadership.IsLeader && !change.Current.Adopted)
                {
                    await PublishAsync(change.Current).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            store.Checked -= OnChecked;
        }
        await heartbeats.ConfigureAwait(false);
    }

    /// <summary>The highest version any node made on its own (0: none); the leader must number past it.</summary>
    public async Task<long> FloorAsync()
    {
        try
        {
            var floor = await redis.GetDatabase().StringGetAsync(keys.Floor).ConfigureAwait(false);
            return floor.TryParse(out long version) ? version : 0;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e);
            return 0;
        }
    }

    /// <summary>
    /// Every poll's check time goes to the others at once (a poll that changes nothing makes no version): a node that
    /// takes over resumes each service's schedule from its real last check, not from an older published one.
    /// </summary>
    private void OnChecked(string serviceId, DateTimeOffset checkedAt)
    {
        if (!leadership.IsLeader)
        {
            return;
        }
        var id = System.Text.Encoding.UTF8.GetBytes(serviceId);
        var frame = new byte[CheckTag.Length + 8 + id.Length];
        CheckTag.CopyTo(frame);
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(CheckTag.Length), checkedAt.UtcTicks);
        id.CopyTo(frame.AsSpan(CheckTag.Length + 8));
        try
        {
            redis.GetSubscriber().Publish(RedisChannel.Literal(keys.Channel), frame, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e);
        }
    }

    /// <summary>Publishes <paramref name="snapshot"/> unless Redis holds this version or a newer one; false when it could not.</summary>
    public async Task<bool> PublishAsync(Snapshot.Snapshot snapshot)
    {
        try
        {
            var frame = snapshot.ToPublished().Encode();
            var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(PublishScript,
                [keys.Lease, keys.Latest, keys.LatestVersion],
                [election.Token, snapshot.Version, frame, keys.Channel]).ConfigureAwait(false);
            if (result == -1)
            {
                LogNotHolder(logger, snapshot.Version);
                return false;
            }
            state.Shown(time.GetUtcNow(), snapshot.Version);
            Recovered();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e);
            return false;
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        var beat = new byte[HeartbeatTag.Length + 8];
        HeartbeatTag.CopyTo(beat);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.LeasePeriod / 2, time, stoppingToken).ConfigureAwait(false);
                if (!leadership.IsLeader)
                {
                    continue;
                }
                if (_failing)
                {
                    // The version made while Redis was away never reached the latest key: put it there now.
                    await PublishAsync(store.Current).ConfigureAwait(false);
                }
                store.NumberPast(await FloorAsync().ConfigureAwait(false)); // a node that was cut off made numbers of its own
                BinaryPrimitives.WriteInt64BigEndian(beat.AsSpan(HeartbeatTag.Length), store.Current.Version);
                try
                {
                    await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(keys.Channel), beat).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    Failed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Failed(Exception e)
    {
        if (!_failing)
        {
            _failing = true;
            LogFailed(logger, e.GetType().Name);
        }
    }

    private void Recovered()
    {
        if (_failing)
        {
            _failing = false;
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: cannot publish versions through Redis ({Reason}); followers keep the last one they got")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: publishing versions through Redis again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: version {Version} not published: the lease is no longer this node's")]
    private static partial void LogNotHolder(ILogger logger, long version);
}

using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Cluster;

/// <summary>
/// On every node: receives the leader's versions from the channel and shows them (the store ignores them while this
/// node leads), fetches the latest key at start, after a reconnect and when a heartbeat announces a version it
/// missed, and flags the board once nothing has been heard from the leader for <see cref="ClusterOptions.StaleAfter"/>.
/// </summary>
public sealed partial class SnapshotFollower(
    SnapshotStore store,
    IConnectionMultiplexer redis,
    ClusterKeys keys,
    ClusterState state,
    ClusterOptions options,
    TimeProvider time,
    ILogger<SnapshotFollower> logger) : BackgroundService
{
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    private ChannelMessageQueue? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += (_, _) => _ = CatchUpAsync();
        await SubscribeAsync().ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a reconnect: subscribe if starting without Redis left it undone, then take what was missed.</summary>
    private async Task CatchUpAsync()
    {
        await SubscribeAsync().ConfigureAwait(false);
        await FetchLatestAsync().ConfigureAwait(false);
        await ReportAheadAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A node that made versions of its own (flagged "not heard", or as a leader cut off from Redis) raises the floor
    /// to its number, so the leader's next version is higher and this node adopts it instead of keeping its own.
    /// </summary>
    private async Task ReportAheadAsync()
    {
        var version = store.Current.Version;
        if (!store.IsFollowing || version <= state.LatestKnown)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(RaiseFloorScript, [keys.Floor], [version]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is still away: reported at the next check.
        }
    }

    private const string RaiseFloorScript = """
        if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
        return 1
        """;

    private async Task SubscribeAsync()
    {
        await _fetching.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_subscription is not null)
            {
                return; // The client re-subscribes by itself after a reconnect.
            }
            _subscription = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(keys.Channel)).ConfigureAwait(false);
            _subscription.OnMessage(message => OnFrameAsync(message.Message));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogFetchFailed(logger, e.GetType().Name); // Redis is away at start: subscribed when it returns
        }
        finally
        {
            _fetching.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FetchLatestAsync().ConfigureAwait(false);
        var check = options.StaleAfter / 4;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(check, time, stoppingToken).ConfigureAwait(false);
                CheckHeard();
                await ReportAheadAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Shows the latest version stored in Redis when it is newer than the one shown; false when Redis cannot be read.</summary>
    public async Task<bool> FetchLatestAsync()
    {
        await _fetching.WaitAsync().ConfigureAwait(false);
        try
        {
            var frame = await redis.GetDatabase().StringGetAsync(keys.Latest).ConfigureAwait(false);
            if (!frame.IsNull)
            {
                Receive((ReadOnlyMemory<byte>)frame);
            }
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogFetchFailed(logger, e.GetType().Name);
            return false;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task OnFrameAsync(RedisValue message)
    {
        ReadOnlyMemory<byte> frame = message;
        if (frame.Span.StartsWith(SnapshotPublisher.CheckTag) && frame.Length > SnapshotPublisher.CheckTag.Length + 8)
        {
            var at = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(frame.Span[SnapshotPublisher.CheckTag.Length..]), TimeSpan.Zero);
            state.NoteCheck(System.Text.Encoding.UTF8.GetString(frame.Span[(SnapshotPublisher.CheckTag.Length + 8)..]), at);
            return;
        }
        if (frame.Span.StartsWith(SnapshotPublisher.HeartbeatTag) && frame.Length == SnapshotPublisher.HeartbeatTag.Length + 8)
        {
            var version = BinaryPrimitives.ReadInt64BigEndian(frame.Span[SnapshotPublisher.HeartbeatTag.Length..]);
            state.Heard(time.GetUtcNow(), version);
            if (version > store.Current.Version && store.IsFollowing)
            {
                await FetchLatestAsync().ConfigureAwait(false); // a version's message was lost (a reconnect)
            }
            return;
        }
        Receive(frame);
    }

    private void Receive(ReadOnlyMemory<byte> frame)
    {
        if (PublishedSnapshot.Decode(frame) is not { } published)
        {
            LogUnreadable(logger, frame.Length);
            return;
        }
        var now = time.GetUtcNow();
        state.Heard(now, published.Version);
        if (!store.IsFollowing || published.Version <= store.Current.Version)
        {
            return;
        }
        try
        {
            if (store.Adopt(Snapshot.Snapshot.FromPublished(published, store.Current)))
            {
                state.Shown(now, published.Version);
            }
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, frame.Length);
            LogUnreadableReason(logger, e.Message);
        }
    }

    private void CheckHeard()
    {
        var now = time.GetUtcNow();
        var since = state.LastHeardAt ?? _startedAt;
        if (!store.IsFollowing || now - since <= options.StaleAfter)
        {
            return;
        }
        state.Stale = true;
        store.MarkUnheard(new Connectivity(since,
            $"This node has heard nothing from the cluster's leader since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; statuses may be out of date"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: cannot read the latest version from Redis ({Reason}); showing the last one received")]
    private static partial void LogFetchFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: ignored a published version this node cannot read ({Bytes} bytes; another StatusBoard build?)")]
    private static partial void LogUnreadable(ILogger logger, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster: unreadable version: {Reason}")]
    private static partial void LogUnreadableReason(ILogger logger, string reason);
}

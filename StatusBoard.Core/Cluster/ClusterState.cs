namespace StatusBoard.Core.Cluster;

/// <summary>What this node knows of the cluster, for /healthz and /metrics: written by the follower and publisher.</summary>
public sealed class ClusterState(string nodeName)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastChecks = new(StringComparer.Ordinal);
    private long _latestKnown;
    private long _versionSeenAtTicks;
    private long _lastHeardTicks;

    public string NodeName { get; } = nodeName;

    /// <summary>The highest version this node has heard of (received, announced by a heartbeat, or made here).</summary>
    public long LatestKnown => Interlocked.Read(ref _latestKnown);

    /// <summary>How many versions <paramref name="shown"/> is behind the latest one this node has heard of (never negative).</summary>
    public long LagBehind(long shown) => Math.Max(0, LatestKnown - shown);

    /// <summary>When this node got (or made) the version it shows.</summary>
    public DateTimeOffset? VersionSeenAt => Read(ref _versionSeenAtTicks);

    /// <summary>When this node last heard the leader (a version or a heartbeat), its own messages included.</summary>
    public DateTimeOffset? LastHeardAt => Read(ref _lastHeardTicks);

    /// <summary>True while this node flags its board as not heard from the leader (see <see cref="ClusterOptions.StaleAfter"/>).</summary>
    public bool Stale { get; internal set; }

    /// <summary>When the leader last checked <paramref name="serviceId"/>, as it told the others after each poll (null: not heard).</summary>
    public DateTimeOffset? LastCheck(string serviceId) => _lastChecks.TryGetValue(serviceId, out var at) ? at : null;

    internal void NoteCheck(string serviceId, DateTimeOffset at) =>
        _lastChecks.AddOrUpdate(serviceId, at, (_, seen) => at > seen ? at : seen);

    internal void Heard(DateTimeOffset at, long version)
    {
        Interlocked.Exchange(ref _lastHeardTicks, at.UtcTicks);
        Stale = false;
        Known(version);
    }

    internal void Known(long version)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _latestKnown)) < version && Interlocked.CompareExchange(ref _latestKnown, version, seen) != seen)
        {
        }
    }

    internal void Shown(DateTimeOffset at, long version)
    {
        Interlocked.Exchange(ref _versionSeenAtTicks, at.UtcTicks);
        Known(version);
    }

    private static DateTimeOffset? Read(ref long ticks) =>
        Interlocked.Read(ref ticks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}

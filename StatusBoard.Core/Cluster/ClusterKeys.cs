namespace StatusBoard.Core.Cluster;

/// <summary>The Redis keys and channel of one StatusBoard cluster, all under its <see cref="ClusterOptions.KeyPrefix"/>.</summary>
public sealed class ClusterKeys(string prefix)
{
    /// <summary>The leader's lease: holds the holder's token.</summary>
    public string Lease { get; } = $"{prefix}:leader";

    /// <summary>The latest published version's frame, for nodes that start or reconnect.</summary>
    public string Latest { get; } = $"{prefix}:snapshot";

    /// <summary>The latest published version's number: only a higher one may replace it.</summary>
    public string LatestVersion { get; } = $"{prefix}:snapshot:version";

    /// <summary>Pub/sub: each new version's frame, and the leader's heartbeats.</summary>
    public string Channel { get; } = $"{prefix}:versions";
}

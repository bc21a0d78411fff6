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

    /// <summary>The highest version a node made on its own (while it could not hear the leader): the leader numbers past it.</summary>
    public string Floor { get; } = $"{prefix}:floor";

    /// <summary>Pub/sub: each new version's frame, the leader's heartbeats and its last checks.</summary>
    public string Channel { get; } = $"{prefix}:versions";
}

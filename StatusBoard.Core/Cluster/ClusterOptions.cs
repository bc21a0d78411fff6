namespace StatusBoard.Core.Cluster;

/// <summary><c>StatusBoard:Cluster</c>: set <see cref="Redis"/> to run several nodes with one poller; unset, nothing changes.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "StatusBoard:Cluster";

    /// <summary>A StackExchange.Redis connection string ("localhost:6379,password=…"). A secret: never logged or shown.</summary>
    public string? Redis { get; set; }

    /// <summary>How long the leader's lease lasts without renewal; another node takes over within two of these.</summary>
    public TimeSpan LeasePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Prefix of every Redis key, so several StatusBoards can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "statusboard";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}

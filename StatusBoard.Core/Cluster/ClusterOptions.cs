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

    /// <summary>A follower that has heard nothing from the leader for this long flags its board as possibly out of date.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This node's name in /healthz and logs; default <c>host-pid</c>.</summary>
    public string? NodeName { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}

namespace StatusBoard.Core.Cluster;

/// <summary>What this node does in a cluster: one leader polls upstream, followers serve what it publishes.</summary>
public enum ClusterRole
{
    Follower,
    Leader,
}

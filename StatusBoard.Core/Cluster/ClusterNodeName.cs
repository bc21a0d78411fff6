namespace StatusBoard.Core.Cluster;

/// <summary>How a node is named in /healthz and logs, and the lease token that is unique to one run of it.</summary>
public static class ClusterNodeName
{
    /// <summary><see cref="ClusterOptions.NodeName"/>, or <c>host-pid</c>.</summary>
    public static string Of(ClusterOptions options) =>
        string.IsNullOrWhiteSpace(options.NodeName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : options.NodeName;

    /// <summary>The node's name and a per-run suffix: a restarted node never renews the lease of its previous run.</summary>
    public static string Token(string nodeName) => $"{nodeName}#{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The node name inside a lease token.</summary>
    public static string FromToken(string token) => token.LastIndexOf('#') is var at and > 0 ? token[..at] : token;
}

using System.Text.Json;

namespace StatusBoard.Tests.TestSupport;

/// <summary>The <c>cluster</c> check of one node's <c>/healthz</c>: its status and data, as the contract names them.</summary>
public sealed record ClusterHealth(string Status, string Role, string Node, string LeaseHolder, long Version,
    double VersionAgeSeconds, string Redis, bool Stale)
{
    public static ClusterHealth From(JsonElement check)
    {
        var data = check.GetProperty("data");
        return new ClusterHealth(
            check.GetProperty("status").GetString()!,
            data.GetProperty("role").GetString()!,
            data.GetProperty("node").GetString()!,
            data.GetProperty("leaseHolder").GetString()!,
            data.GetProperty("version").GetInt64(),
            data.GetProperty("versionAgeSeconds").GetDouble(),
            data.GetProperty("redis").GetString()!,
            data.GetProperty("stale").GetBoolean());
    }
}

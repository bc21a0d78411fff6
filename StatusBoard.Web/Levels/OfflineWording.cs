using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Levels;

/// <summary>
/// How the dashboard says StatusBoard itself is offline. Built from <see cref="Connectivity.Since"/> alone:
/// the engine's <see cref="Connectivity.Message"/> belongs to the JSON API and the logs, not to the UI.
/// </summary>
public static class OfflineWording
{
    /// <summary>The sentence up to the time it has been offline since.</summary>
    public const string Lead = "StatusBoard cannot reach the internet; statuses are stale since";

    /// <summary>The absolute time shown after <see cref="Lead"/>.</summary>
    public static string Since(Connectivity offline) => offline.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'");
}

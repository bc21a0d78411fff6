namespace StatusBoard.Core.Snapshot;

/// <summary>How the snapshot store publishes versions (keys <c>StatusBoard:PublishDelay</c>, <c>StatusBoard:FreshnessInterval</c>).</summary>
public sealed class SnapshotOptions
{
    /// <summary>Changes arriving within this window are published as one snapshot version. Defaults to 250 ms.</summary>
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls that change nothing but "last checked" and response time are folded into the next version, and
    /// published on their own at least this often. Defaults to 15 s.
    /// </summary>
    public TimeSpan FreshnessInterval { get; set; } = TimeSpan.FromSeconds(15);
}

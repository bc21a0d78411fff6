namespace StatusBoard.Core.History;

/// <summary>The <c>StatusBoard:History</c> section. The database itself lives in <c>StatusBoard:DataDirectory</c>.</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "StatusBoard:History";

    /// <summary>Keep level transitions and incidents this long. Default 400 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the background writer commits what it collected (one transaction per flush).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the recorder notes that StatusBoard is alive when nothing else is written; after a crash or kill,
    /// the time from the last note to the next start is recorded as unknown.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often rows older than <see cref="Retention"/> are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// While the database cannot be written, at most this many transitions and incident changes wait in memory for
    /// the retry; beyond it the oldest are dropped (counted in <c>/healthz</c>), so a long outage cannot exhaust memory.
    /// </summary>
    public int MaxPendingRows { get; set; } = 100_000;

    /// <summary>File name of the database inside the data directory.</summary>
    public string FileName { get; set; } = "statusboard.db";
}

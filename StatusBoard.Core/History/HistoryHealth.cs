namespace StatusBoard.Core.History;

/// <summary>How the history database is doing, for <c>/healthz</c>: the dashboard works without it, but someone should know.</summary>
public sealed class HistoryHealth
{
    private readonly Lock _gate = new();

    public DateTimeOffset? LastWriteAt { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Rows collected but not yet committed (kept for the next try after a failure).</summary>
    public int Pending { get; private set; }

    public long BatchesWritten { get; private set; }

    public bool Healthy => LastErrorAt is null || (LastWriteAt is { } written && written > LastErrorAt);

    internal void Written(DateTimeOffset at, int pending)
    {
        lock (_gate)
        {
            LastWriteAt = at;
            Pending = pending;
            BatchesWritten++;
        }
    }

    internal void Failed(DateTimeOffset at, string error, int pending)
    {
        lock (_gate)
        {
            LastErrorAt = at;
            LastError = error;
            Pending = pending;
        }
    }
}

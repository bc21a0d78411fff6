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

    /// <summary>Rows dropped because the database stayed unwritable past <see cref="HistoryOptions.MaxPendingRows"/>.</summary>
    public long DroppedRows { get; private set; }

    /// <summary>When rows older than the retention were last deleted.</summary>
    public DateTimeOffset? LastPruneAt { get; private set; }

    /// <summary>Raised after every write, failure or prune is noted (on the thread that did it).</summary>
    public event Action? Changed;

    /// <summary>False from a failed write until the next successful one.</summary>
    public bool Healthy => !_failing;

    private volatile bool _failing;

    internal void Written(DateTimeOffset at, int pending)
    {
        lock (_gate)
        {
            LastWriteAt = at;
            Pending = pending;
            _failing = false;
            BatchesWritten++;
        }
        Changed?.Invoke();
    }

    internal void Pruned(DateTimeOffset at)
    {
        lock (_gate)
        {
            LastPruneAt = at;
        }
        Changed?.Invoke();
    }

    internal void Failed(DateTimeOffset at, string error, int pending, int dropped = 0)
    {
        lock (_gate)
        {
            DroppedRows += dropped;
            LastErrorAt = at;
            LastError = error;
            Pending = pending;
            _failing = true;
        }
        Changed?.Invoke();
    }
}

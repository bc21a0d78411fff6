namespace StatusBoard.Core.Engine;

/// <summary>Counts finished polls and lets a caller await a count (tests wait on it instead of sleeping).</summary>
internal sealed class PollProgress
{
    private long _completed;
    private long _lastCompletedTicks;
    private volatile TaskCompletionSource _next = NewSignal();

    public long Completed => Interlocked.Read(ref _completed);

    public DateTimeOffset? LastCompletedAt =>
        Interlocked.Read(ref _lastCompletedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Record(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastCompletedTicks, at.UtcTicks);
        Interlocked.Increment(ref _completed);
        Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();
    }

    /// <summary>Completes once at least <paramref name="count"/> polls have finished.</summary>
    public async Task WaitForAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before reading the count, so a poll finishing in between is not missed.
            var signal = _next.Task;
            if (Completed >= count)
            {
                return;
            }
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

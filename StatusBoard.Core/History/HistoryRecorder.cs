using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Core.Notifications.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// Gives StatusBoard a memory, off the hot path: reads every published change from the store's change feed, in
/// order and none skipped, collects what is worth storing (<see cref="HistoryTracker"/>) and commits it in batches
/// every <see cref="HistoryOptions.FlushInterval"/>. A database failure is logged and shown in <c>/healthz</c>; the
/// batch is kept and retried, and the live dashboard never waits for the database.
/// </summary>
public sealed partial class HistoryRecorder(
    SnapshotStore store,
    HistoryWriter writer,
    HistoryReader reader,
    HistoryHealth health,
    IOptions<HistoryOptions> options,
    TimeProvider time,
    ILogger<HistoryRecorder> logger,
    NotificationRules? rules = null,
    OutboxSender? sender = null) : IHostedLifecycleService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _due = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private HistoryBatch _pending = new();
    private HistoryTracker _tracker = new(new Dictionary<string, StatusLevel>(), []);
    private ChangeFeed? _feed;
    private Task _collecting = Task.CompletedTask;
    private Task _flushing = Task.CompletedTask;
    private volatile bool _started;
    private volatile bool _writing = true;

    /// <summary>Raised after a batch was committed (on the writer's thread); readers of the history may refresh.</summary>
    public event Action<HistoryBatch>? Committed;

    /// <summary>
    /// Whether this process writes the history (true unless told otherwise). In a cluster only the leader writes:
    /// followers call <see cref="StopWriting"/>, and a new leader <see cref="StartWriting"/>.
    /// </summary>
    public bool IsWriting => _writing;

    /// <summary>
    /// Stops committing (and heartbeats and prunes): what was collected and not yet written is dropped. A flush already
    /// past its check finishes its one transaction.
    /// </summary>
    public void StopWriting()
    {
        _writing = false;
        lock (_gate)
        {
            _pending = new HistoryBatch();
        }
    }

    /// <summary>
    /// Resumes writing from what the database holds (another node may have written meanwhile): the tracker is
    /// re-read, then every current status is compared with it, so a change nobody recorded yet is recorded once.
    /// </summary>
    public void StartWriting()
    {
        var tracker = LoadTracker();
        lock (_gate)
        {
            _tracker = tracker;
            _pending = new HistoryBatch();
            foreach (var status in store.Current.Services.Where(s => s.CheckedAt is not null))
            {
                _tracker.Observe(status, _pending);
            }
        }
        _writing = true;
        _due.Release();
    }

    private HistoryTracker LoadTracker()
    {
        var open = reader.OpenIncidents().Select(i => (i.Service, i.Id, i.Fingerprint));
        return new HistoryTracker(reader.RecordedLevels(), open);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _tracker = LoadTracker();
            if (reader.LastAlive() is { } lastAlive)
            {
                lock (_gate)
                {
                    _tracker.Interrupted(lastAlive, _pending);
                }
            }
        }
        catch (Exception e)
        {
            // The restorer, which ran just before, logged why the database cannot be opened.
            health.Failed(time.GetUtcNow(), e.Message, 0);
        }
        // Opened at start, before the engine's first poll: every change from here on is collected.
        _feed = store.OpenChangeFeed();
        StartNotifications(_feed.Start);
        _collecting = CollectLoopAsync(_feed, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writing starts only once the server listens: a run that never starts (its port taken by another StatusBoard on
    /// the same data folder) must not write "interrupted" or "stopped" rows into that one's history.
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _started = true;
        Flush(); // the interruption of a killed run, if any, before anything new
        _flushing = FlushLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_collecting, _flushing).ConfigureAwait(false);
        if (!_started || !_writing)
        {
            _feed?.Dispose();
            return;
        }
        if (_feed is { } feed)
        {
            // Changes published after the loop's last turn are still queued: collect them, in order.
            while (feed.TryRead(out var change))
            {
                Collect(change);
            }
            feed.Dispose();
        }
        // Last words: every service's latest status, and "unknown from now on" for the time StatusBoard is down.
        var current = store.Current;
        lock (_gate)
        {
            foreach (var status in current.Services.Where(s => s.CheckedAt is not null))
            {
                _pending.Statuses[status.Id] = status;
            }
            _tracker.Stopping(current.Services.Select(s => s.Id), time.GetUtcNow(), _pending);
            StopNotifications();
        }
        Flush();
    }

    /// <summary>Commits what was collected so far (the background loop calls this; tests may too).</summary>
    public void Flush()
    {
        HistoryBatch batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = new HistoryBatch();
        }
        if (batch.IsEmpty || !_writing)
        {
            return;
        }
        var now = time.GetUtcNow();
        try
        {
            writer.Write(batch, now);
        }
        catch (Exception e)
        {
            KeepForRetry(batch, now, e);
            return;
        }
        health.Written(now, 0);
        LogCommitted(logger, health.BatchesWritten, batch.Transitions.Count, batch.Incidents.Count + batch.Resolutions.Count, batch.Statuses.Count);
        if (batch.Outbox.Count > 0)
        {
            sender?.Wake(); // the rows are committed: deliver now rather than at the sender's next poll
        }
        RaiseCommitted(batch);
    }

    private void KeepForRetry(HistoryBatch batch, DateTimeOffset now, Exception e)
    {
        int pending;
        int dropped;
        lock (_gate)
        {
            batch.Append(_pending); // keep order: the failed batch first, then what arrived meanwhile
            dropped = batch.TrimOldest(options.Value.MaxPendingRows);
            _pending = batch;
            pending = batch.Count;
        }
        var first = health.Healthy;
        health.Failed(now, e.Message, pending, dropped);
        if (dropped > 0)
        {
            LogDropped(logger, dropped, options.Value.MaxPendingRows);
        }
        if (first)
        {
            LogWriteFailed(logger, writer.FilePath, e.Message, pending);
        }
        _due.Release(); // try again after the next interval even if nothing new arrives
    }

    /// <summary>The batch is in the database whatever a handler does: its failure is its own, never a reason to write again.</summary>
    private void RaiseCommitted(HistoryBatch batch)
    {
        foreach (var handler in Committed?.GetInvocationList().Cast<Action<HistoryBatch>>() ?? [])
        {
            try
            {
                handler(batch);
            }
            catch (Exception e)
            {
                LogHandlerFailed(logger, e);
            }
        }
    }

    private async Task CollectLoopAsync(ChangeFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in feed.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Collect(change);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Collect(SnapshotChange change)
    {
        if (change.FreshnessOnly)
        {
            return; // only freshness: nothing to remember
        }
        bool collected;
        lock (_gate)
        {
            var count = _pending.Count;
            ObserveNotifications(change);
            foreach (var status in change.Changed)
            {
                _tracker.Observe(status, _pending);
            }
            collected = _pending.Count != count;
        }
        if (collected)
        {
            _due.Release();
        }
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _due.WaitAsync(cancellationToken).ConfigureAwait(false);
                while (_due.CurrentCount > 0)
                {
                    await _due.WaitAsync(cancellationToken).ConfigureAwait(false); // one flush for all signals so far
                }
                Flush();
                // Batching: whatever arrives during the pause goes into the next transaction.
                await Task.Delay(options.Value.FlushInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _rulesTimer?.Dispose();
        _feed?.Dispose();
        _stopping.Dispose();
        _due.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "History batch {Number} committed: {Transitions} transitions, {Incidents} incident changes, {Statuses} statuses")]
    private static partial void LogCommitted(ILogger logger, long number, int transitions, int incidents, int statuses);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: cannot write to {Path}: {Error}. {Pending} rows are kept and retried; the dashboard keeps working from memory.")]
    private static partial void LogWriteFailed(ILogger logger, string path, string error, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History: dropped the {Rows} oldest unwritten rows (more than {Max} waiting for the database)")]
    private static partial void LogDropped(ILogger logger, int rows, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: a handler of a committed batch failed (the batch is written and stays written)")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}

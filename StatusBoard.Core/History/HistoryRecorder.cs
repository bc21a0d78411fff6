using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// Gives StatusBoard a memory, off the hot path. At start it restores the last stored status of every service
/// (flagged stale until polled again) before the engine's first poll; then it watches the snapshot store,
/// collects what changed (<see cref="HistoryTracker"/>) and commits it in batches every
/// <see cref="HistoryOptions.FlushInterval"/>. A database failure is logged and shown in <c>/healthz</c>; the
/// batch is kept and retried, and the live dashboard never waits for the database.
/// </summary>
public sealed partial class HistoryRecorder(
    SnapshotStore store,
    HistoryDatabase database,
    HistoryWriter writer,
    HistoryReader reader,
    HistoryHealth health,
    IOptions<HistoryOptions> options,
    TimeProvider time,
    ILogger<HistoryRecorder> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _due = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private HistoryBatch _pending = new();
    private HistoryTracker _tracker = new(new Dictionary<string, StatusLevel>(), []);
    private Task _running = Task.CompletedTask;
    private Snapshot.Snapshot? _lastSeen;

    /// <summary>Raised after a batch was committed (on the writer's thread); readers of the history may refresh.</summary>
    public event Action<HistoryBatch>? Committed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Restore();
            var open = reader.OpenIncidents().Select(i => (i.Service, i.Id, i.Fingerprint));
            _tracker = new HistoryTracker(reader.RecordedLevels(), open);
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
            health.Failed(time.GetUtcNow(), e.Message, 0);
            LogUnavailable(logger, database.FilePath, e.Message);
        }
        Flush(); // the interruption of a killed run, if any, before anything new
        _running = Task.WhenAll(WatchAsync(_stopping.Token), FlushLoopAsync(_stopping.Token), PruneLoopAsync(_stopping.Token),
            HeartbeatLoopAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        // A version published after the watcher's last turn would otherwise be lost.
        if (_lastSeen is { } seen && !ReferenceEquals(seen, store.Current))
        {
            Collect(seen, store.Current);
        }
        // Last words: every service's latest status, and "unknown from now on" for the time StatusBoard is down.
        lock (_gate)
        {
            foreach (var status in store.Current.Services.Where(s => s.CheckedAt is not null))
            {
                _pending.Statuses[status.Id] = status;
            }
            _tracker.Stopping(store.Current.Services.Select(s => s.Id), time.GetUtcNow(), _pending);
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
        if (batch.IsEmpty)
        {
            return;
        }
        var now = time.GetUtcNow();
        try
        {
            writer.Write(batch, now);
            health.Written(now, 0);
            Committed?.Invoke(batch);
            LogCommitted(logger, health.BatchesWritten, batch.Transitions.Count, batch.Incidents.Count + batch.Resolutions.Count, batch.Statuses.Count);
        }
        catch (Exception e)
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
                LogWriteFailed(logger, database.FilePath, e.Message, pending);
            }
            _due.Release(); // try again after the next interval even if nothing new arrives
        }
    }

    private void Restore()
    {
        var saved = reader.LastStatuses().ToDictionary(s => s.Status.Id, s => s.Status, StringComparer.Ordinal);
        var restored = 0;
        var services = store.Current.Services.Select(pending =>
        {
            if (!saved.TryGetValue(pending.Id, out var last) || last.CheckedAt is null)
            {
                return pending;
            }
            restored++;
            // The catalog has the last word on names and links; the level is the last known one, not a reading.
            return last with { Name = pending.Name, Category = pending.Category, StatusPageUrl = pending.StatusPageUrl, Stale = true };
        }).ToList();
        if (restored > 0)
        {
            store.Reset(services);
        }
        LogRestored(logger, restored, database.FilePath);
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in store.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_lastSeen is { } previous)
                {
                    Collect(previous, snapshot);
                }
                _lastSeen = snapshot;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Collect(Snapshot.Snapshot previous, Snapshot.Snapshot next)
    {
        var now = time.GetUtcNow();
        var collected = false;
        lock (_gate)
        {
            foreach (var status in next.Services)
            {
                var before = previous.Find(status.Id);
                if (!ReferenceEquals(before, status))
                {
                    var count = _pending.Count;
                    _tracker.Observe(before, status, now, _pending);
                    collected |= _pending.Count != count;
                }
            }
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

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
                try
                {
                    writer.Heartbeat(time.GetUtcNow());
                }
                catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
                {
                    // The flush loop reports database failures; a missed heartbeat only widens a crash's unknown span.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PruneLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Prune();
                await Task.Delay(options.Value.PruneInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Prune()
    {
        try
        {
            var deleted = writer.Prune(time.GetUtcNow() - options.Value.Retention);
            if (deleted > 0)
            {
                LogPruned(logger, deleted, options.Value.Retention.TotalDays);
            }
        }
        catch (Exception e)
        {
            health.Failed(time.GetUtcNow(), e.Message, health.Pending);
            LogWriteFailed(logger, database.FilePath, e.Message, health.Pending);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _due.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History: restored the last known status of {Count} services from {Path}")]
    private static partial void LogRestored(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "History batch {Number} committed: {Transitions} transitions, {Incidents} incident changes, {Statuses} statuses")]
    private static partial void LogCommitted(ILogger logger, long number, int transitions, int incidents, int statuses);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: cannot write to {Path}: {Error}. {Pending} rows are kept and retried; the dashboard keeps working from memory.")]
    private static partial void LogWriteFailed(ILogger logger, string path, string error, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History: dropped the {Rows} oldest unwritten rows (more than {Max} waiting for the database)")]
    private static partial void LogDropped(ILogger logger, int rows, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: cannot open {Path}: {Error}. Starting without the last known state.")]
    private static partial void LogUnavailable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "History: pruned {Rows} rows older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int rows, double days);
}

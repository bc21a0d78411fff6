using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.History;

/// <summary>
/// Keeps the history database in shape: a heartbeat every <see cref="HistoryOptions.HeartbeatInterval"/> (after a
/// crash, the time from the last one to the next start is unknown, not uptime) and a prune of rows older than
/// <see cref="HistoryOptions.Retention"/> every <see cref="HistoryOptions.PruneInterval"/>.
/// </summary>
internal sealed partial class HistoryMaintenance(
    HistoryWriter writer,
    HistoryRecorder recorder,
    HistoryHealth health,
    IOptions<HistoryOptions> options,
    TimeProvider time,
    ILogger<HistoryMaintenance> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Once the server listens (a run that never starts writes nothing): prune, then heartbeat and prune on their intervals.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Prune(); // at start, so a long downtime's expired rows are gone before anyone reads them
        _running = Task.WhenAll(HeartbeatLoopAsync(_stopping.Token), PruneLoopAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
                if (!recorder.IsWriting)
                {
                    continue; // the node that writes the history also beats for it
                }
                try
                {
                    writer.Heartbeat(time.GetUtcNow());
                }
                catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
                {
                    // The recorder reports database failures; a missed heartbeat only widens a crash's unknown span.
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
                await Task.Delay(options.Value.PruneInterval, time, cancellationToken).ConfigureAwait(false);
                Prune();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Prune()
    {
        if (!recorder.IsWriting)
        {
            return;
        }
        try
        {
            var deleted = writer.Prune(time.GetUtcNow() - options.Value.Retention);
            health.Pruned(time.GetUtcNow());
            if (deleted > 0)
            {
                LogPruned(logger, deleted, options.Value.Retention.TotalDays);
            }
        }
        catch (Exception e)
        {
            health.Failed(time.GetUtcNow(), e.Message, health.Pending);
            LogPruneFailed(logger, writer.FilePath, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History: pruned {Rows} rows older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int rows, double days);

    [LoggerMessage(Level = LogLevel.Error, Message = "History: cannot prune {Path}: {Error}")]
    private static partial void LogPruneFailed(ILogger logger, string path, string error);
}

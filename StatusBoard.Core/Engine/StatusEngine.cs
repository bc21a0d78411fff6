using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The singleton fetch engine: polls every catalog service on its own schedule (first poll at start-up, then
/// every interval ±jitter, sooner while a service has an incident: <see cref="PollCadence"/>); requests share a global cap (<see cref="RequestSlots"/>). Each service has its own loop,
/// so a slow or hanging upstream only delays itself. Viewers never trigger a fetch: they only read the store.
/// </summary>
public sealed partial class StatusEngine : BackgroundService, IHostedLifecycleService
{
    private readonly LiveCatalog _catalog;
    private readonly IOptions<EngineOptions> _options;
    private readonly ServicePoller _poller;
    private readonly CatalogReconciler _reconciler;
    private readonly Leadership _leadership;
    private readonly SnapshotStore _store;
    private readonly ClusterState? _cluster;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusEngine> _logger;
    private readonly PollProgress _progress = new();
    private readonly ServiceLoops _loops = new();
    private readonly Lock _reconciling = new();
    private CancellationToken _stopping;

    internal StatusEngine(LiveCatalog catalog, IOptions<EngineOptions> options, ServicePoller poller, CatalogReconciler reconciler,
        Leadership leadership, SnapshotStore store, ClusterState? cluster, TimeProvider time, ILogger<StatusEngine> logger)
    {
        _cluster = cluster;
        _leadership = leadership;
        _store = store;
        _catalog = catalog;
        _options = options;
        _poller = poller;
        _reconciler = reconciler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Polls finished since start (any outcome).</summary>
    public long CompletedPolls => _progress.Completed;

    /// <summary>When the engine last finished a poll (null before the first); the health check watches its age.</summary>
    public DateTimeOffset? LastPollCompletedAt => _progress.LastCompletedAt;

    /// <summary>Completes once at least <paramref name="count"/> polls have finished.</summary>
    internal Task WaitForCompletedPollsAsync(long count, CancellationToken cancellationToken) => _progress.WaitForAsync(count, cancellationToken);

    /// <summary>The polling loops are running (started and neither stopped nor crashed).</summary>
    public bool IsRunning => ExecuteTask is { IsCompleted: false };

    /// <summary>Polling starts once the server listens: a run whose port is taken never calls an upstream.</summary>
    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => base.StartAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Polls during each term of leadership: one box has one term from start to stop; a cluster node, one per election won.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await _leadership.WaitForTermAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            await PollTermAsync(polling.Token).ConfigureAwait(false);
        }
    }

    private async Task PollTermAsync(CancellationToken stoppingToken)
    {
        var catalog = _catalog.Value;
        var services = catalog.Services;
        using var firstRound = new CountdownEvent(services.Count);
        var started = Stopwatch.GetTimestamp();
        LogStarting(_logger, services.Count, catalog.PollInterval);

        lock (_reconciling)
        {
            _stopping = stoppingToken;
            foreach (var service in services)
            {
                var firstWait = _leadership.Clustered ? ResumeWait(service) : TimeSpan.Zero;
                _loops.Start(service, stoppingToken, (slot, _) => RunServiceAsync(slot, () =>
                {
                    if (firstRound.Signal())
                    {
                        LogFirstRound(_logger, services.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }, Task.CompletedTask, firstWait));
            }
            _catalog.Reloaded += OnCatalogReloaded;
        }
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown, or the end of this node's term as the cluster's leader.
        }
        finally
        {
            _catalog.Reloaded -= OnCatalogReloaded;
            await Task.WhenAll(_loops.All()).ConfigureAwait(false);
        }
    }

    private TimeSpan ResumeWait(ServiceDefinition service) =>
        PollCadence.ResumeWait(_store.Current.Find(service.Id), _cluster?.LastCheck(service.Id), _catalog.Value.IntervalOf(service),
            _options.Value.IncidentPollInterval, _time.GetUtcNow());

    /// <summary>Reconciles between polls: one store version for the new list, then loops start, restart or stop; the rest keep their schedule.</summary>
    private void OnCatalogReloaded(CatalogOptions previous, CatalogOptions next)
    {
        lock (_reconciling)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            var changes = _reconciler.Apply(previous, next);
            foreach (var id in changes.Removed)
            {
                _loops.Stop(id);
            }
            foreach (var service in changes.Kept)
            {
                _loops.Update(service);
            }
            foreach (var service in changes.Added.Concat(changes.Changed))
            {
                _loops.Start(service, _stopping, (slot, replaced) => RunServiceAsync(slot, () => { }, replaced, TimeSpan.Zero));
            }
        }
    }

    private async Task RunServiceAsync(ServiceLoops.Slot slot, Action firstDone, Task replaced, TimeSpan firstWait)
    {
        // Yield so that every loop starts before any of them waits on I/O.
        await Task.Yield();
        // A restarted entry's old poll may still be finishing: let it land first, so the new reading is the last word.
        await replaced.ConfigureAwait(false);
        var stoppingToken = slot.Stopping.Token;
        if (firstWait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(firstWait, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var service = slot.Definition;
            var started = _time.GetUtcNow();
            ServiceStatus? status = null;
            try
            {
                status = await _poller.PollAsync(service, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never reached by design (the poller turns failures into data); the loop must survive anyway.
                LogPollCrashed(_logger, ex, service.Id);
            }
            // Read now, not at start: a reload's interval and jitter apply from the next wait on.
            var interval = _catalog.Value.IntervalOf(slot.Definition);
            if (status is not null)
            {
                interval = PollCadence.IntervalAfter(status, interval, _options.Value.IncidentPollInterval);
            }
            var wait = started + Jittered(interval) - _time.GetUtcNow();
            // The next wait is registered before the poll counts as done: whoever moves the clock on that signal (a
            // test's fake clock) moves it past a timer that exists, not before the timer is set from the moved time.
            var nextPoll = wait > TimeSpan.Zero ? Task.Delay(wait, _time, stoppingToken) : Task.CompletedTask;
            _progress.Record(_time.GetUtcNow());
            if (first)
            {
                first = false;
                firstDone();
            }
            try
            {
                await nextPoll.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private TimeSpan Jittered(TimeSpan interval)
    {
        // Read per wait: an edited jitter applies from the next poll on.
        var factor = 1 + ((Random.Shared.NextDouble() * 2) - 1) * _options.Value.Jitter;
        return interval * factor;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Count} services every {Interval}")]
    private static partial void LogStarting(ILogger logger, int count, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "First poll of all {Count} services finished in {Milliseconds:0} ms")]
    private static partial void LogFirstRound(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ServiceId}: poll loop caught an unexpected error")]
    private static partial void LogPollCrashed(ILogger logger, Exception exception, string serviceId);
}

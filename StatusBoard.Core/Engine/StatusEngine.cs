using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The singleton fetch engine: polls every catalog service on its own schedule (first poll at start-up, then
/// every interval ±jitter); requests share a global cap (<see cref="RequestSlots"/>). Each service has its own loop,
/// so a slow or hanging upstream only delays itself. Viewers never trigger a fetch: they only read the store.
/// </summary>
public sealed partial class StatusEngine : BackgroundService
{
    private readonly IOptions<CatalogOptions> _catalog;
    private readonly IOptions<EngineOptions> _options;
    private readonly ServicePoller _poller;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusEngine> _logger;
    private readonly PollProgress _progress = new();

    internal StatusEngine(IOptions<CatalogOptions> catalog, IOptions<EngineOptions> options, ServicePoller poller, TimeProvider time, ILogger<StatusEngine> logger)
    {
        _catalog = catalog;
        _options = options;
        _poller = poller;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = _catalog.Value.Services;
        var firstRound = new CountdownEvent(services.Count);
        var started = Stopwatch.GetTimestamp();
        LogStarting(_logger, services.Count, _catalog.Value.PollInterval);

        var loops = services.Select(service => RunServiceAsync(service, () =>
        {
            if (firstRound.Signal())
            {
                LogFirstRound(_logger, services.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, stoppingToken)).ToArray();
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            firstRound.Dispose();
        }
    }

    private async Task RunServiceAsync(ServiceDefinition service, Action firstDone, CancellationToken stoppingToken)
    {
        // Yield so that every loop starts before any of them waits on I/O.
        await Task.Yield();
        var interval = _catalog.Value.IntervalOf(service);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = _time.GetUtcNow();
            try
            {
                await _poller.PollAsync(service, stoppingToken).ConfigureAwait(false);
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
            _progress.Record(_time.GetUtcNow());
            if (first)
            {
                first = false;
                firstDone();
            }

            var next = started + Jittered(interval);
            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Jittered(TimeSpan interval)
    {
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

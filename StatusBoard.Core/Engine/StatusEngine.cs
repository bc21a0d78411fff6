using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The singleton fetch engine: polls every catalog service on its own schedule (first poll at start-up, then
/// every interval ±jitter) with a global cap on requests in flight. Each service has its own loop, so a slow or
/// hanging upstream only delays itself. Viewers never trigger a fetch: they only read the store.
/// </summary>
public sealed partial class StatusEngine(
    IOptions<CatalogOptions> catalog,
    IOptions<EngineOptions> options,
    ServicePoller poller,
    TimeProvider time,
    ILogger<StatusEngine> logger) : BackgroundService
{
    private long _completedPolls;

    private long _lastPollCompletedTicks;

    /// <summary>Polls finished since start (any outcome).</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    /// <summary>When the engine last finished a poll (null before the first); the health check watches its age.</summary>
    public DateTimeOffset? LastPollCompletedAt =>
        Interlocked.Read(ref _lastPollCompletedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The polling loops are running (started and neither stopped nor crashed).</summary>
    public bool IsRunning => ExecuteTask is { IsCompleted: false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = catalog.Value.Services;
        using var concurrency = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentRequests));
        var firstRound = new CountdownEvent(services.Count);
        var started = Stopwatch.GetTimestamp();
        LogStarting(logger, services.Count, catalog.Value.PollInterval);

        var loops = services.Select(service => RunServiceAsync(service, concurrency, () =>
        {
            if (firstRound.Signal())
            {
                LogFirstRound(logger, services.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

    private async Task RunServiceAsync(ServiceDefinition service, SemaphoreSlim concurrency, Action firstDone, CancellationToken stoppingToken)
    {
        // Yield so that every loop starts before any of them waits on I/O.
        await Task.Yield();
        var interval = catalog.Value.IntervalOf(service);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            try
            {
                await poller.PollAsync(service, concurrency, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never reached by design (the poller turns failures into data); the loop must survive anyway.
                LogPollCrashed(logger, ex, service.Id);
            }
            Interlocked.Increment(ref _completedPolls);
            Interlocked.Exchange(ref _lastPollCompletedTicks, time.GetUtcNow().UtcTicks);
            if (first)
            {
                first = false;
                firstDone();
            }

            var next = started + Jittered(interval);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Jittered(TimeSpan interval)
    {
        var spread = Math.Clamp(options.Value.Jitter, 0, 0.5);
        var factor = 1 + ((Random.Shared.NextDouble() * 2) - 1) * spread;
        return interval * factor;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Count} services every {Interval}")]
    private static partial void LogStarting(ILogger logger, int count, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "First poll of all {Count} services finished in {Milliseconds:0} ms")]
    private static partial void LogFirstRound(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ServiceId}: poll loop caught an unexpected error")]
    private static partial void LogPollCrashed(ILogger logger, Exception exception, string serviceId);
}

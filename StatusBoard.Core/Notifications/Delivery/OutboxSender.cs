using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.History;

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>
/// Delivers the outbox: each route's oldest pending message through the route's channel, one route's messages in
/// order, routes side by side (a slow receiver holds back only its own route). Retries on network errors, 5xx and
/// 429 with backoff (Retry-After honoured), keeps at least MinInterval between two messages to one route, and
/// dead-letters a message not acknowledged within GiveUpAfter. Runs on its own HttpClient and task: the engine and
/// the board never wait for it.
/// </summary>
public sealed partial class OutboxSender(
    OutboxStore store,
    ChannelRegistry channels,
    IOptionsMonitor<NotificationOptions> notifications,
    IOptionsMonitor<NotificationDeliveryOptions> options,
    DeliveryHealth health,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    Leadership? leadership = null) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextAllowed = new(StringComparer.Ordinal);
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _idle = NewSignal();

    /// <summary>Look at the outbox now (a message was queued) instead of at the next poll.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Completes the next time the sender waits with nothing in flight (tests step the fake clock by it).</summary>
    internal Task NextIdleAsync() => Volatile.Read(ref _idle).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (leadership is { IsLeader: false } && !await WaitForTermAsync(leadership, stoppingToken).ConfigureAwait(false))
            {
                break;
            }
            var wake = Volatile.Read(ref _wake);
            var wait = Dispatch(stoppingToken);
            if (_inFlight.IsEmpty)
            {
                Interlocked.Exchange(ref _idle, NewSignal()).TrySetResult();
            }
            await WaitAsync(wake, wait, stoppingToken).ConfigureAwait(false);
        }
        await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
    }

    /// <summary>Starts an attempt for every route whose head is due; returns how long until the next one may be.</summary>
    private TimeSpan Dispatch(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var next = now + settings.PollInterval;
        try
        {
            foreach (var head in store.RouteHeads())
            {
                if (_inFlight.ContainsKey(head.Route))
                {
                    continue;
                }
                if (Route(head.Route) is not { } route)
                {
                    store.MarkDead(head.Id, now, "route no longer configured", attempted: false);
                    next = now;
                    continue;
                }
                if (now - head.CreatedAt >= settings.GiveUpAfter)
                {
                    // Queued before a long stop: a day-old alert is noise now, and it is kept, visible, as dead.
                    store.MarkDead(head.Id, now, GaveUp(settings, head.LastResult ?? "not sent before"), attempted: false);
                    LogDead(head.Route, head.IdempotencyKey, head.LastResult ?? "not sent");
                    next = now;
                    continue;
                }
                var due = Max(head.NextAttemptAt, _nextAllowed.GetValueOrDefault(head.Route));
                if (due > now)
                {
                    next = Min(next, due);
                    continue;
                }
                _inFlight[head.Route] = Task.Run(() => AttemptAsync(route, head, stoppingToken), CancellationToken.None);
            }
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            // The history health check reports the database; here the outbox simply waits for the next poll.
            LogOutboxUnreadable(e.GetType().Name);
        }
        return next > now ? next - now : TimeSpan.Zero;
    }

    private async Task AttemptAsync(NotificationRoute route, OutboxRow row, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await SendAsync(route, row, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested && outcome.Result != DeliveryResult.Delivered)
            {
                return; // Shutting down mid-attempt: still pending, sent again (same key) after the restart.
            }
            Settle(route, row, outcome);
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            LogOutboxUnreadable(e.GetType().Name);
        }
        finally
        {
            _inFlight.TryRemove(route.Name, out _);
            Wake();
        }
    }

    private async Task<DeliveryOutcome> SendAsync(NotificationRoute route, OutboxRow row, CancellationToken stoppingToken)
    {
        if (OutboxStore.Read(row) is not { } message)
        {
            return DeliveryOutcome.Rejected("stored message unreadable");
        }
        if (channels.Find(route.Channel) is not { } channel)
        {
            return DeliveryOutcome.Rejected($"no channel '{route.Channel}'");
        }
        try
        {
            return await channel.SendAsync(route, message, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A channel's bug must not stop the sender; the type only, since a message could carry the URL.
            return DeliveryOutcome.Retry($"unexpected {e.GetType().Name}");
        }
    }

    private void Settle(NotificationRoute route, OutboxRow row, DeliveryOutcome outcome)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        _nextAllowed[route.Name] = now + settings.MinInterval;
        health.Record(route.Name, outcome, now);
        switch (outcome.Result)
        {
            case DeliveryResult.Delivered:
                store.MarkDelivered(row.Id, now, outcome.Detail);
                LogDelivered(route.Name, row.IdempotencyKey, outcome.Detail);
                break;
            case DeliveryResult.Rejected:
                store.MarkDead(row.Id, now, "rejected: " + outcome.Detail, attempted: true);
                LogDead(route.Name, row.IdempotencyKey, outcome.Detail);
                break;
            default:
                var deadline = row.CreatedAt + settings.GiveUpAfter;
                var retryAt = now + Backoff.Next(row.Attempts + 1, outcome.RetryAfter, settings, Random.Shared);
                if (now >= deadline)
                {
                    store.MarkDead(row.Id, now, GaveUp(settings, outcome.Detail), attempted: true);
                    LogDead(route.Name, row.IdempotencyKey, outcome.Detail);
                    break;
                }
                // The last try happens at the deadline rather than not at all.
                store.MarkRetry(row.Id, now, Min(retryAt, deadline), outcome.Detail);
                LogRetry(route.Name, row.Attempts + 1, outcome.Detail, Min(retryAt, deadline));
                break;
        }
    }

    private NotificationRoute? Route(string name) =>
        notifications.CurrentValue.Routes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>In a cluster only the leader sends: a follower waits here until it leads; false when stopping.</summary>
    private static async Task<bool> WaitForTermAsync(Leadership leadership, CancellationToken stoppingToken)
    {
        try
        {
            await leadership.WaitForTermAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitAsync(TaskCompletionSource wake, TimeSpan wait, CancellationToken stoppingToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, time, cancel.Token);
        await Task.WhenAny(delay, wake.Task).ConfigureAwait(false);
        cancel.Cancel();
        if (wake.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _wake, NewSignal(), wake);
        }
    }

    private static string GaveUp(NotificationDeliveryOptions settings, string last) =>
        $"gave up after {settings.GiveUpAfter.TotalHours:0.##} h: {last}";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Key} delivered to route {Route} ({Result})")]
    private partial void LogDelivered(string route, string key, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {Route}: attempt {Attempt} failed ({Result}); next try at {NextAt:O}")]
    private partial void LogRetry(string route, int attempt, string result, DateTimeOffset nextAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Key} for route {Route} dead-lettered ({Result})")]
    private partial void LogDead(string route, string key, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification outbox unreadable ({Error}); trying again at the next poll")]
    private partial void LogOutboxUnreadable(string error);
}

using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Web.Components.History;

/// <summary>
/// The last 24 hours of every service as a compact strip of bars for its tile, read from the history with one
/// query every <see cref="RefreshInterval"/> and shared by every viewer. A strip whose content did not change
/// keeps its string instance, so tiles are only rebuilt for services whose strip changed.
/// </summary>
public sealed partial class RecentStrips(HistoryQueries queries, TimeProvider time, ILogger<RecentStrips> logger, HistoryRecorder? recorder = null)
    : BackgroundService, ITileStrips
{
    private readonly SemaphoreSlim _transitionsCommitted = new(0, 1);

    public const int Hours = 24;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private volatile FrozenDictionary<string, string> _strips = FrozenDictionary<string, string>.Empty;

    /// <inheritdoc />
    public string? For(string serviceId) => _strips.GetValueOrDefault(serviceId);

    /// <summary>Raised after each refresh, so tests wait on it instead of polling.</summary>
    internal event Action? Refreshed;

    public void Refresh()
    {
        var previous = _strips;
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, hours) in queries.Hourly(Hours))
        {
            var markup = UptimeBarsMarkup.Build(Runs(hours), "uptime-hours", "Last 24 hours");
            next[service] = previous.TryGetValue(service, out var old) && old == markup ? old : markup;
        }
        _strips = next.ToFrozenDictionary(StringComparer.Ordinal);
        Refreshed?.Invoke();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (recorder is not null)
        {
            recorder.Committed += OnCommitted;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Run(Refresh, stoppingToken).ConfigureAwait(false); // SQLite is synchronous
                }
                catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
                {
                    LogRefreshFailed(logger, e.Message); // tiles keep their last strips; /healthz reports the database
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug here must not end the loop: a BackgroundService that throws stops the whole host.
                    LogRefreshError(logger, e);
                }
                await NextRefreshAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (recorder is not null)
            {
                recorder.Committed -= OnCommitted;
            }
        }
    }

    /// <summary>A level changed somewhere: the current hour of its strip is different now, not in a minute.</summary>
    private void OnCommitted(HistoryBatch batch)
    {
        if (batch.Transitions.Count > 0 && _transitionsCommitted.CurrentCount == 0)
        {
            try
            {
                _transitionsCommitted.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled first: one refresh covers both.
            }
        }
    }

    /// <summary>Waits for the refresh interval or a committed level change, whichever comes first.</summary>
    private async Task NextRefreshAsync(CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var interval = Task.Delay(RefreshInterval, time, wake.Token);
        var committed = _transitionsCommitted.WaitAsync(wake.Token);
        await Task.WhenAny(interval, committed).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(interval, committed).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false); // observe the cancelled one
        stoppingToken.ThrowIfCancellationRequested();
    }

    public override void Dispose()
    {
        _transitionsCommitted.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Consecutive hours that say the same (same worst level, same share operational) become one bar as wide as the
    /// run: a quiet day is one bar, not 24, which keeps every tile's markup (and a circuit's first render) small.
    /// </summary>
    private static IEnumerable<UptimeBarsMarkup.Bar> Runs(List<PeriodUptime> hours)
    {
        for (var i = 0; i < hours.Count;)
        {
            var j = i + 1;
            while (j < hours.Count && hours[j].Worst == hours[i].Worst && Percent(hours[j]) == Percent(hours[i]))
            {
                j++;
            }
            yield return new UptimeBarsMarkup.Bar(hours[i].Worst, Tooltip(hours[i].Start, hours[j - 1].Start.AddHours(1), hours[i]), j - i);
            i = j;
        }
    }

    private static string Percent(PeriodUptime hour) =>
        hour.Worst is null or StatusLevel.Unknown ? "" : UptimeBarsMarkup.Percent(hour.Operational);

    private static string Tooltip(DateTimeOffset from, DateTimeOffset to, PeriodUptime hour) =>
        $"{from.UtcDateTime:HH:mm}–{to.UtcDateTime:HH:mm} UTC: {UptimeBarsMarkup.Label(hour.Worst)}" +
        (Percent(hour) is { Length: > 0 } percent ? " · " + percent : "");

    [LoggerMessage(Level = LogLevel.Error, Message = "Tile history strips not refreshed; trying again at the next refresh")]
    private static partial void LogRefreshError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile history strips not refreshed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}

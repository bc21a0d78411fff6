using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.History;

/// <summary>
/// The last 24 hours of every service as a compact strip of bars for its tile, read from the history with one
/// query every <see cref="RefreshInterval"/> and shared by every viewer. A strip whose content did not change
/// keeps its string instance, so tiles are only rebuilt for services whose strip changed.
/// </summary>
public sealed partial class RecentStrips(HistoryQueries queries, TimeProvider time, ILogger<RecentStrips> logger) : BackgroundService
{
    public const int Hours = 24;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private volatile FrozenDictionary<string, string> _strips = FrozenDictionary<string, string>.Empty;

    /// <summary>The strip's markup, or null when there is no history for the service yet.</summary>
    public string? For(string serviceId) => _strips.GetValueOrDefault(serviceId);

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
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, time);
        do
        {
            try
            {
                await Task.Run(Refresh, stoppingToken).ConfigureAwait(false); // SQLite is synchronous
            }
            catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
            {
                LogRefreshFailed(logger, e.Message); // tiles keep their last strips; /healthz reports the database
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile history strips not refreshed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}

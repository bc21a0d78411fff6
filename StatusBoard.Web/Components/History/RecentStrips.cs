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
            var markup = UptimeBarsMarkup.Build(hours.Select(h => new UptimeBarsMarkup.Bar(h.Worst, Tooltip(h))), "uptime-hours", "Last 24 hours");
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

    private static string Tooltip(PeriodUptime hour) =>
        $"{hour.Start.UtcDateTime:HH:mm}–{hour.Start.UtcDateTime.AddHours(1):HH:mm} UTC: {UptimeBarsMarkup.Label(hour.Worst)}" +
        (hour.Worst is null or StatusLevel.Unknown ? "" : $" · {UptimeBarsMarkup.Percent(hour.Operational)}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile history strips not refreshed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}

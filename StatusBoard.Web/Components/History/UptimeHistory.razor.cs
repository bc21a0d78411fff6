using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Components.History;

public partial class UptimeHistory
{
    private MarkupString? _bars;
    private string? _total;
    private string _barsZone = "UTC";

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>Days are the viewer's calendar days: UTC until the browser has said where it is.</summary>
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        string? zoneId;
        try
        {
            zoneId = await JS.InvokeAsync<string?>("statusBoard.timeZone");
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return; // prerendering, a closed tab or an old script: UTC days it is
        }
        if (HistoryQueries.TryFindZone(zoneId, out var zone) && zone.Id != _zone.Id)
        {
            _zone = zone;
            await ReloadAsync();
            StateHasChanged();
        }
    }

    protected override void Load()
    {
        var zone = _zone;
        var daily = Queries.Daily(ServiceId, Days, zone);
        var incidents = Queries.Incidents(ServiceId, Days);
        var bars = new MarkupString(UptimeBarsMarkup.Build(daily.Select(d => new UptimeBarsMarkup.Bar(d.Worst, Tooltip(d, incidents, zone))),
            "uptime-days", $"Daily levels of the last {Days} days"));
        if (zone == _zone) // a load for the zone learned meanwhile wins over an older one
        {
            _bars = bars;
            _barsZone = zone.Id == TimeZoneInfo.Utc.Id ? "UTC" : zone.Id;
            _total = Total(daily);
        }
    }

    private static string Tooltip(DailyUptime day, List<IncidentRecord> incidents, TimeZoneInfo zone)
    {
        var start = UptimeCalculator.StartOfDay(day.Date, zone);
        var end = UptimeCalculator.StartOfDay(day.Date.AddDays(1), zone);
        var titles = incidents.Where(i => i.StartedAt < end && (i.ResolvedAt ?? DateTimeOffset.MaxValue) >= start)
            .Select(i => i.Title).ToList();
        var text = $"{day.Date:yyyy-MM-dd}: {UptimeBarsMarkup.Label(day.Worst)} · {UptimeBarsMarkup.Percent(day.Operational)}";
        return titles.Count == 0 ? text : text + " · " + string.Join("; ", titles);
    }

    /// <summary>Operational share of all the time with a known level in the window (days weighted by coverage).</summary>
    private static string Total(List<DailyUptime> daily)
    {
        var known = daily.Sum(d => d.Coverage);
        return known > 0
            ? UptimeBarsMarkup.Percent(daily.Sum(d => (d.Operational ?? 0) * d.Coverage) / known)
            : "no data yet";
    }
}

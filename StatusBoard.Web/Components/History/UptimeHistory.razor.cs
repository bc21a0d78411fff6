using Microsoft.AspNetCore.Components;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Components.History;

public partial class UptimeHistory
{
    private MarkupString? _bars;
    private string? _total;

    protected override void Load()
    {
        var daily = Queries.Daily(ServiceId, Days, TimeZoneInfo.Utc);
        var incidents = Queries.Incidents(ServiceId, Days);
        _bars = new MarkupString(UptimeBarsMarkup.Build(daily.Select(d => new UptimeBarsMarkup.Bar(d.Worst, Tooltip(d, incidents))),
            "uptime-days", $"Daily levels of the last {Days} days"));
        _total = Total(daily);
    }

    private static string Tooltip(DailyUptime day, List<IncidentRecord> incidents)
    {
        var start = new DateTimeOffset(day.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var titles = incidents.Where(i => i.StartedAt < start.AddDays(1) && (i.ResolvedAt ?? DateTimeOffset.MaxValue) >= start)
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

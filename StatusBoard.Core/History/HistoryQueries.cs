using System.Data.Common;

namespace StatusBoard.Core.History;

/// <summary>What the API and the detail view ask of the history: daily uptime and the incident timeline.</summary>
public sealed class HistoryQueries(HistoryReader reader, TimeProvider time)
{
    /// <summary>The last <paramref name="days"/> calendar days in <paramref name="zone"/>, oldest first.</summary>
    public List<DailyUptime> Daily(string service, int days, TimeZoneInfo zone)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var from = UptimeCalculator.StartOfDay(today.AddDays(1 - days), zone);
        return UptimeCalculator.Daily(reader.Transitions(service, from), now, days, zone);
    }

    /// <summary>Incidents open at any time in the last <paramref name="days"/> days, newest first.</summary>
    public List<IncidentRecord> Incidents(string service, int days) =>
        reader.Incidents(service, time.GetUtcNow() - TimeSpan.FromDays(days));

    /// <summary>Every service's last <paramref name="hours"/> clock hours (UTC), oldest first.</summary>
    public Dictionary<string, List<PeriodUptime>> Hourly(int hours)
    {
        var now = time.GetUtcNow();
        return reader.RecentTransitions(now.AddHours(-hours - 1)).ToDictionary(
            pair => pair.Key, pair => UptimeCalculator.Hourly(pair.Value, now, hours), StringComparer.Ordinal);
    }

    /// <summary>An IANA or Windows time zone id; none means UTC.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The database could not be opened or read (locked, unreadable, not a database, newer schema).</summary>
    public static bool IsDatabaseFailure(Exception e) =>
        e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException;
}

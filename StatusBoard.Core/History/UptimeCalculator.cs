using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>
/// One calendar day of a service. <see cref="Worst"/> is the worst level seen that day (null: no data);
/// <see cref="Operational"/> is the fraction of the time with a known level that it was operational;
/// <see cref="Coverage"/> the fraction of the day (up to now) with a known level.
/// </summary>
public sealed record DailyUptime(DateOnly Date, StatusLevel? Worst, double? Operational, double Coverage);

/// <summary>The same facts for any span of time (e.g. one hour of a tile's 24-hour strip).</summary>
public sealed record PeriodUptime(DateTimeOffset Start, DateTimeOffset End, StatusLevel? Worst, double? Operational, double Coverage);

/// <summary>Cuts a service's level transitions into calendar days of a time zone.</summary>
public static class UptimeCalculator
{
    /// <param name="transitions">Oldest first; the first may lie before the window (the level it starts in).</param>
    /// <returns>The last <paramref name="days"/> days up to and including today in <paramref name="zone"/>, oldest first.</returns>
    public static List<DailyUptime> Daily(IReadOnlyList<LevelTransition> transitions, DateTimeOffset now, int days, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var result = new List<DailyUptime>(days);
        for (var date = today.AddDays(1 - days); date <= today; date = date.AddDays(1))
        {
            var start = StartOfDay(date, zone);
            var end = Min(StartOfDay(date.AddDays(1), zone), now);
            var period = Period(transitions, start, end);
            result.Add(new DailyUptime(date, period.Worst, period.Operational, period.Coverage));
        }
        if (result.Count > 0 && WithCurrentLevel(result[^1].Worst, transitions, now) is var worst && worst != result[^1].Worst)
        {
            result[^1] = result[^1] with { Worst = worst };
        }
        return result;
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/> (days are 23 to 25 hours around DST changes).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that skips midnight (DST at 00:00) starts the day at the first valid instant after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The last <paramref name="hours"/> whole clock hours up to now (the last one still running), oldest first.</summary>
    public static List<PeriodUptime> Hourly(IReadOnlyList<LevelTransition> transitions, DateTimeOffset now, int hours)
    {
        var currentHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero);
        var result = new List<PeriodUptime>(hours);
        for (var start = currentHour.AddHours(1 - hours); start <= currentHour; start = start.AddHours(1))
        {
            result.Add(Period(transitions, start, Min(start.AddHours(1), now)));
        }
        if (result.Count > 0 && WithCurrentLevel(result[^1].Worst, transitions, now) is var worst && worst != result[^1].Worst)
        {
            result[^1] = result[^1] with { Worst = worst };
        }
        return result;
    }

    public static PeriodUptime Period(IReadOnlyList<LevelTransition> transitions, DateTimeOffset start, DateTimeOffset end)
    {
        var known = TimeSpan.Zero;
        var operational = TimeSpan.Zero;
        StatusLevel? worst = null;
        var sawUnknown = false;
        for (var i = 0; i < transitions.Count; i++)
        {
            var from = Max(transitions[i].At, start);
            var to = Min(i + 1 < transitions.Count ? transitions[i + 1].At : end, end);
            if (to <= from)
            {
                continue;
            }
            var level = transitions[i].To;
            if (level == StatusLevel.Unknown)
            {
                sawUnknown = true;
                continue;
            }
            known += to - from;
            operational += level == StatusLevel.Operational ? to - from : TimeSpan.Zero;
            worst = worst is { } w ? StatusLevels.Worst(w, level) : level;
        }
        var length = end - start;
        return new PeriodUptime(
            start,
            end,
            worst ?? (sawUnknown ? StatusLevel.Unknown : null),
            known > TimeSpan.Zero ? operational / known : null,
            length > TimeSpan.Zero ? known / length : 0);
    }

    /// <summary>
    /// The level in effect now belongs to the current period even before it has lasted a moment: an outage that
    /// began this second makes today (and this hour) an outage day.
    /// </summary>
    private static StatusLevel? WithCurrentLevel(StatusLevel? worst, IReadOnlyList<LevelTransition> transitions, DateTimeOffset now)
    {
        var current = transitions.LastOrDefault(t => t.At <= now)?.To;
        if (current is not { } level || level == StatusLevel.Unknown)
        {
            return worst;
        }
        return worst is { } w && w != StatusLevel.Unknown ? StatusLevels.Worst(w, level) : level;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

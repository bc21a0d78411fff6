using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>Daily worst level, operational fraction and coverage, in a time zone: pure and through the database.</summary>
public sealed class UptimeCalculatorTests
{
    private const double Precision = 1e-9;

    private static readonly TimeZoneInfo s_berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DegradedPeriodAcrossMidnight_SplitsOverBothDays_TodayOnlyUpToNow()
    {
        LevelTransition[] transitions =
        [
            Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-06-10T22:00:00Z", StatusLevel.Operational, StatusLevel.Degraded),
            Transition("s", "2026-06-11T03:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ];

        var days = UptimeCalculator.Daily(transitions, Utc("2026-06-11T12:00:00Z"), 2, TimeZoneInfo.Utc);

        days.Should().HaveCount(2);
        days[0].Date.Should().Be(Date("2026-06-10"));
        days[0].Worst.Should().Be(StatusLevel.Degraded);
        days[0].Operational.Should().BeApproximately(22.0 / 24, Precision);
        days[0].Coverage.Should().BeApproximately(1, Precision);
        days[1].Date.Should().Be(Date("2026-06-11"));
        days[1].Worst.Should().Be(StatusLevel.Degraded);
        days[1].Operational.Should().BeApproximately(9.0 / 12, Precision, "3 h degraded, 9 h operational until now (12:00); the future does not count");
    }

    [Fact]
    public void Today_CountsOnlyTheTimeUpToNow()
    {
        // Operational since June 1st, a major outage 05:00-06:00 today, now 06:00: of the 6 hours so far, 5 were
        // operational. Coverage is the share of the day *so far* with a known level (README, history API): here all of it.
        LevelTransition[] transitions =
        [
            Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-06-11T05:00:00Z", StatusLevel.Operational, StatusLevel.MajorOutage),
        ];

        var today = UptimeCalculator.Daily(transitions, Utc("2026-06-11T06:00:00Z"), 1, TimeZoneInfo.Utc).Single();

        today.Worst.Should().Be(StatusLevel.MajorOutage);
        today.Operational!.Value.Should().BeApproximately(5.0 / 6, Precision, "the rest of the day has not happened yet");
        today.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public void SameTransitions_InUtcBerlinAndNewYork_LandOnDifferentDates()
    {
        // A one-hour outage from 23:30 to 00:30 UTC: 01:30-02:30 in Berlin (next day), 19:30-20:30 in New York (same day).
        LevelTransition[] transitions =
        [
            Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-06-10T23:30:00Z", StatusLevel.Operational, StatusLevel.MajorOutage),
            Transition("s", "2026-06-11T00:30:00Z", StatusLevel.MajorOutage, StatusLevel.Operational),
        ];
        var now = Utc("2026-06-13T12:00:00Z");

        var utc = UptimeCalculator.Daily(transitions, now, 4, TimeZoneInfo.Utc).ToDictionary(d => d.Date);
        var berlin = UptimeCalculator.Daily(transitions, now, 4, s_berlin).ToDictionary(d => d.Date);
        var newYork = UptimeCalculator.Daily(transitions, now, 4, s_newYork).ToDictionary(d => d.Date);

        utc[Date("2026-06-10")].Worst.Should().Be(StatusLevel.MajorOutage);
        utc[Date("2026-06-10")].Operational.Should().BeApproximately(23.5 / 24, Precision);
        utc[Date("2026-06-11")].Worst.Should().Be(StatusLevel.MajorOutage);
        utc[Date("2026-06-11")].Operational.Should().BeApproximately(23.5 / 24, Precision);

        berlin[Date("2026-06-10")].Worst.Should().Be(StatusLevel.Operational);
        berlin[Date("2026-06-11")].Worst.Should().Be(StatusLevel.MajorOutage);
        berlin[Date("2026-06-11")].Operational.Should().BeApproximately(23.0 / 24, Precision);

        newYork[Date("2026-06-10")].Worst.Should().Be(StatusLevel.MajorOutage);
        newYork[Date("2026-06-10")].Operational.Should().BeApproximately(23.0 / 24, Precision);
        newYork[Date("2026-06-11")].Worst.Should().Be(StatusLevel.Operational);
    }

    [Fact]
    public void TodayDependsOnTheZone()
    {
        // 2026-06-13 02:00 UTC is still 2026-06-12 in New York and already the 13th in Berlin.
        var now = Utc("2026-06-13T02:00:00Z");
        LevelTransition[] transitions = [Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational)];

        UptimeCalculator.Daily(transitions, now, 3, s_newYork)[^1].Date.Should().Be(Date("2026-06-12"));
        UptimeCalculator.Daily(transitions, now, 3, s_berlin)[^1].Date.Should().Be(Date("2026-06-13"));
        UptimeCalculator.Daily(transitions, now, 3, s_berlin).Select(d => d.Date).Should().Equal(Date("2026-06-11"), Date("2026-06-12"), Date("2026-06-13"));
    }

    [Fact]
    public void SpringForwardDay_Is23Hours_FractionsOverTheRealLength()
    {
        // Europe/Berlin 2026-03-29: 00:00 CET = 2026-03-28T23:00Z; 12:00 CEST = 10:00Z; 11 real hours degraded out of 23.
        LevelTransition[] transitions =
        [
            Transition("s", "2026-03-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-03-28T23:00:00Z", StatusLevel.Operational, StatusLevel.Degraded),
            Transition("s", "2026-03-29T10:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ];

        var day = UptimeCalculator.Daily(transitions, Utc("2026-04-02T12:00:00Z"), 10, s_berlin).Single(d => d.Date == Date("2026-03-29"));

        (UptimeCalculator.StartOfDay(Date("2026-03-30"), s_berlin) - UptimeCalculator.StartOfDay(Date("2026-03-29"), s_berlin))
            .Should().Be(TimeSpan.FromHours(23));
        day.Worst.Should().Be(StatusLevel.Degraded);
        day.Operational.Should().BeApproximately(12.0 / 23, Precision);
        day.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public void FallBackDay_Is25Hours_FractionsOverTheRealLength()
    {
        // Europe/Berlin 2026-10-25: 00:00 CEST = 2026-10-24T22:00Z, next midnight CET = 2026-10-25T23:00Z; 9 h degraded of 25.
        LevelTransition[] transitions =
        [
            Transition("s", "2026-10-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-10-24T22:00:00Z", StatusLevel.Operational, StatusLevel.Degraded),
            Transition("s", "2026-10-25T07:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ];

        var days = UptimeCalculator.Daily(transitions, Utc("2026-10-28T12:00:00Z"), 5, s_berlin);
        var day = days.Single(d => d.Date == Date("2026-10-25"));

        (UptimeCalculator.StartOfDay(Date("2026-10-26"), s_berlin) - UptimeCalculator.StartOfDay(Date("2026-10-25"), s_berlin))
            .Should().Be(TimeSpan.FromHours(25));
        day.Operational.Should().BeApproximately(16.0 / 25, Precision);
        day.Coverage.Should().BeApproximately(1, Precision);
        days.Single(d => d.Date == Date("2026-10-24")).Worst.Should().Be(StatusLevel.Operational, "the outage began at the 25th's first instant");
    }

    [Fact]
    public void ZoneThatSkipsMidnight_StartsTheDayAtItsFirstValidInstant()
    {
        // America/Sao_Paulo, 2018-11-04: clocks went from 00:00 (-03) to 01:00 (-02); the day began at 01:00 -02 = 03:00Z.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        UptimeCalculator.StartOfDay(Date("2018-11-04"), saoPaulo).Should().Be(Utc("2018-11-04T03:00:00Z"));
        (UptimeCalculator.StartOfDay(Date("2018-11-05"), saoPaulo) - UptimeCalculator.StartOfDay(Date("2018-11-04"), saoPaulo))
            .Should().Be(TimeSpan.FromHours(23));
    }

    [Fact]
    public void UnknownPeriods_AreLeftOutOfTheOperationalFraction_AndLowerCoverage()
    {
        LevelTransition[] transitions =
        [
            Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("s", "2026-06-10T06:00:00Z", StatusLevel.Operational, StatusLevel.Unknown, "StatusBoard stopped"),
            Transition("s", "2026-06-10T12:00:00Z", StatusLevel.Unknown, StatusLevel.Degraded),
            Transition("s", "2026-06-10T18:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
            Transition("s", "2026-06-11T00:00:00Z", StatusLevel.Operational, StatusLevel.Unknown, "Connection refused"),
        ];

        var days = UptimeCalculator.Daily(transitions, Utc("2026-06-12T12:00:00Z"), 3, TimeZoneInfo.Utc);

        days[0].Worst.Should().Be(StatusLevel.Degraded, "unknown never beats a real level");
        days[0].Operational.Should().BeApproximately(12.0 / 18, Precision, "12 h operational of 18 known hours");
        days[0].Coverage.Should().BeApproximately(18.0 / 24, Precision);
        days[1].Worst.Should().Be(StatusLevel.Unknown, "the whole day was unknown");
        days[1].Operational.Should().BeNull();
        days[1].Coverage.Should().Be(0);
        days[2].Worst.Should().Be(StatusLevel.Unknown);
        days[2].Coverage.Should().Be(0);
    }

    [Fact]
    public void DaysBeforeTheFirstTransition_HaveNoData()
    {
        LevelTransition[] transitions = [Transition("s", "2026-06-10T12:00:00Z", StatusLevel.Unknown, StatusLevel.Operational)];

        var days = UptimeCalculator.Daily(transitions, Utc("2026-06-11T12:00:00Z"), 4, TimeZoneInfo.Utc);

        days.Select(d => d.Date).Should().Equal(Date("2026-06-08"), Date("2026-06-09"), Date("2026-06-10"), Date("2026-06-11"));
        days[0].Should().Be(new DailyUptime(Date("2026-06-08"), null, null, 0));
        days[1].Should().Be(new DailyUptime(Date("2026-06-09"), null, null, 0));
        days[2].Worst.Should().Be(StatusLevel.Operational);
        days[2].Operational.Should().Be(1);
        days[2].Coverage.Should().BeApproximately(0.5, Precision);
        UptimeCalculator.Daily([], Utc("2026-06-11T12:00:00Z"), 2, TimeZoneInfo.Utc).Should().OnlyContain(d => d.Worst == null && d.Operational == null && d.Coverage == 0);
    }

    [Fact]
    public void WorstOfTheDay_MajorOutageBeatsMaintenance_UnknownNeverBeatsARealLevel()
    {
        LevelTransition[] transitions =
        [
            Transition("s", "2026-06-01T00:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            // 06-08: long maintenance, short major outage.
            Transition("s", "2026-06-08T01:00:00Z", StatusLevel.Operational, StatusLevel.Maintenance),
            Transition("s", "2026-06-08T09:00:00Z", StatusLevel.Maintenance, StatusLevel.MajorOutage),
            Transition("s", "2026-06-08T09:10:00Z", StatusLevel.MajorOutage, StatusLevel.Maintenance),
            Transition("s", "2026-06-08T12:00:00Z", StatusLevel.Maintenance, StatusLevel.Operational),
            // 06-09: operational with a long unknown stretch.
            Transition("s", "2026-06-09T02:00:00Z", StatusLevel.Operational, StatusLevel.Unknown),
            Transition("s", "2026-06-09T20:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            // 06-10: maintenance and operational only.
            Transition("s", "2026-06-10T02:00:00Z", StatusLevel.Operational, StatusLevel.Maintenance),
            Transition("s", "2026-06-10T04:00:00Z", StatusLevel.Maintenance, StatusLevel.Operational),
        ];

        var days = UptimeCalculator.Daily(transitions, Utc("2026-06-11T00:00:00Z"), 4, TimeZoneInfo.Utc);

        days.Select(d => d.Date).Should().Equal(Date("2026-06-08"), Date("2026-06-09"), Date("2026-06-10"), Date("2026-06-11"));
        days[0].Worst.Should().Be(StatusLevel.MajorOutage);
        days[0].Operational.Should().BeApproximately(13.0 / 24, Precision);
        days[1].Worst.Should().Be(StatusLevel.Operational, "an unknown stretch never makes the day worse than what was seen");
        days[1].Operational.Should().Be(1);
        days[1].Coverage.Should().BeApproximately(6.0 / 24, Precision);
        days[2].Worst.Should().Be(StatusLevel.Maintenance);
        days[2].Operational.Should().BeApproximately(22.0 / 24, Precision);
        days[3].Should().Be(new DailyUptime(Date("2026-06-11"), StatusLevel.Operational, null, 0),
            "at today's first instant nothing has lasted yet, but the level in effect now is known");
    }

    [Fact]
    public void ThroughQueries_WindowStartsInTheLevelOfTheLastEarlierTransition_TodayUpToTheFakeNow()
    {
        var directory = TestData.NewDirectory();
        var database = Database(directory);
        new HistoryWriter(database).Write(Batch(
            Transition("q", "2026-05-01T08:00:00Z", StatusLevel.Unknown, StatusLevel.Degraded),
            Transition("q", "2026-06-09T22:00:00Z", StatusLevel.Degraded, StatusLevel.Operational), // 00:00 in Berlin
            Transition("q", "2026-06-11T06:00:00Z", StatusLevel.Operational, StatusLevel.PartialOutage),
            Transition("other", "2026-06-10T10:00:00Z", StatusLevel.Unknown, StatusLevel.MajorOutage)), Utc("2026-06-11T10:00:00Z"));
        var time = new FakeTimeProvider(Utc("2026-06-11T10:00:00Z")); // 12:00 in Berlin
        var queries = new HistoryQueries(new HistoryReader(database), time);

        var berlin = queries.Daily("q", 3, s_berlin);

        berlin.Select(d => d.Date).Should().Equal(Date("2026-06-09"), Date("2026-06-10"), Date("2026-06-11"));
        berlin[0].Worst.Should().Be(StatusLevel.Degraded, "the window starts in the level of the transition before it");
        berlin[0].Operational.Should().Be(0);
        berlin[0].Coverage.Should().BeApproximately(1, Precision);
        berlin[1].Should().Be(new DailyUptime(Date("2026-06-10"), StatusLevel.Operational, 1, 1), "the other service's outage is not this one's");
        berlin[2].Worst.Should().Be(StatusLevel.PartialOutage);
        berlin[2].Operational.Should().BeApproximately(8.0 / 12, Precision, "00:00-08:00 operational, 08:00-12:00 partial outage (local)");

        // The clock moves: today grows.
        time.Advance(TimeSpan.FromHours(6));
        var later = queries.Daily("q", 1, s_berlin).Single();
        later.Operational.Should().BeApproximately(8.0 / 18, Precision);
    }

    private static HistoryBatch Batch(params LevelTransition[] transitions)
    {
        var batch = new HistoryBatch();
        batch.Transitions.AddRange(transitions);
        return batch;
    }
}

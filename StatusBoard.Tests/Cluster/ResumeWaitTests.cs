using FluentAssertions;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Cluster;

/// <summary>When a new leader first polls each service: when the previous leader's schedule says, not all at once.</summary>
public sealed class ResumeWaitTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T10:00:00Z");
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IncidentInterval = TimeSpan.FromSeconds(20);

    private static ServiceStatus Checked(TimeSpan ago, StatusLevel level = StatusLevel.Operational, bool stale = false) =>
        ServiceStatus.Pending("a", "A", "Dev", null) with { Status = level, CheckedAt = Now - ago, Stale = stale };

    [Fact]
    public void CheckedTenSecondsAgo_WaitsTheRestOfItsInterval() =>
        PollCadence.ResumeWait(Checked(TimeSpan.FromSeconds(10)), null, Interval, IncidentInterval, Now).Should().Be(TimeSpan.FromSeconds(50));

    [Fact]
    public void APollThatChangedNothing_AnnouncedAfterThePublishedReading_Counts() =>
        PollCadence.ResumeWait(Checked(TimeSpan.FromSeconds(50)), Now - TimeSpan.FromSeconds(2), Interval, IncidentInterval, Now)
            .Should().Be(TimeSpan.FromSeconds(58));

    [Fact]
    public void UnderAnIncident_TheShorterIntervalCounts() =>
        PollCadence.ResumeWait(Checked(TimeSpan.FromSeconds(5), StatusLevel.MajorOutage), null, Interval, IncidentInterval, Now)
            .Should().Be(TimeSpan.FromSeconds(15));

    [Fact]
    public void Overdue_NeverChecked_OrStale_PollsNow()
    {
        PollCadence.ResumeWait(Checked(TimeSpan.FromMinutes(3)), null, Interval, IncidentInterval, Now).Should().Be(TimeSpan.Zero);
        PollCadence.ResumeWait(ServiceStatus.Pending("a", "A", "Dev", null), null, Interval, IncidentInterval, Now).Should().Be(TimeSpan.Zero);
        PollCadence.ResumeWait(Checked(TimeSpan.FromSeconds(10), stale: true), null, Interval, IncidentInterval, Now).Should().Be(TimeSpan.Zero);
        PollCadence.ResumeWait(null, null, Interval, IncidentInterval, Now).Should().Be(TimeSpan.Zero);
    }
}

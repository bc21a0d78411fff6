using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>What the tracker decides to store from successive statuses of a service.</summary>
public sealed class HistoryTrackerTests
{
    private static readonly DateTimeOffset s_t0 = Utc("2026-11-25T12:00:00Z");

    private static HistoryTracker Empty() => new(new Dictionary<string, StatusLevel>(), []);

    [Fact]
    public void FirstFreshReading_RecordsUnknownToLevel_AndSavesTheStatus()
    {
        var tracker = Empty();
        var batch = new HistoryBatch();
        var pending = ServiceStatus.Pending("svc", "svc", "Test", null);
        var reading = Reading("svc", StatusLevel.MajorOutage, s_t0);

        tracker.Observe(reading, batch);

        batch.Transitions.Should().Equal(new LevelTransition("svc", s_t0, StatusLevel.Unknown, StatusLevel.MajorOutage, "Test description"));
        batch.Statuses.Should().ContainKey("svc").WhoseValue.Should().BeSameAs(reading);
        tracker.RecordedLevel("svc").Should().Be(StatusLevel.MajorOutage);
    }

    [Fact]
    public void SameLevel_ButOtherContent_SavesTheStatusWithoutATransition()
    {
        var tracker = Empty();
        var first = Reading("svc", StatusLevel.Degraded, s_t0);
        tracker.Observe(first, new HistoryBatch());
        var batch = new HistoryBatch();

        var reworded = first with { CheckedAt = s_t0.AddMinutes(1), Summary = "Something else" };
        tracker.Observe(reworded, batch);

        batch.Transitions.Should().BeEmpty();
        batch.Statuses.Should().ContainKey("svc").WhoseValue.Summary.Should().Be("Something else");
    }

    [Fact]
    public void RestoredStaleStatus_RecordsNoTransition()
    {
        var tracker = Empty();
        var batch = new HistoryBatch();
        var restored = Reading("svc", StatusLevel.MajorOutage, s_t0.AddHours(-1)) with { Stale = true };

        tracker.Observe(restored, batch);

        batch.Transitions.Should().BeEmpty("a restored level is not a reading");
        tracker.RecordedLevel("svc").Should().BeNull();
    }

    [Fact]
    public void DampedFailure_StaleWithError_RecordsNoTransition_AndResolvesNothing()
    {
        var tracker = Empty();
        var open = Reading("svc", StatusLevel.Degraded, s_t0, incidents: Incident("inc1"));
        tracker.Observe(open, new HistoryBatch());
        var batch = new HistoryBatch();

        var damped = open with { Stale = true, Error = "Timed out after 5 s", FailingSince = s_t0.AddMinutes(1) };
        tracker.Observe(damped, batch);

        batch.Transitions.Should().BeEmpty();
        batch.Resolutions.Should().BeEmpty();
        tracker.RecordedLevel("svc").Should().Be(StatusLevel.Degraded);
    }

    [Fact]
    public void FailedReading_GoesUnknown_ButDoesNotResolveOpenIncidents()
    {
        var tracker = Empty();
        var open = Reading("svc", StatusLevel.PartialOutage, s_t0, incidents: Incident("inc1"));
        tracker.Observe(open, new HistoryBatch());
        var batch = new HistoryBatch();

        var failed = Reading("svc", StatusLevel.Unknown, s_t0.AddMinutes(2)) with { Error = "HTTP 500 Internal Server Error", Summary = "HTTP 500 Internal Server Error" };
        tracker.Observe(failed, batch);

        batch.Transitions.Should().Equal(new LevelTransition("svc", s_t0.AddMinutes(2), StatusLevel.PartialOutage, StatusLevel.Unknown, "HTTP 500 Internal Server Error"));
        batch.Resolutions.Should().BeEmpty("a page we could not read says nothing about its incidents");

        // The next good reading without the incident does resolve it.
        var later = new HistoryBatch();
        tracker.Observe(Reading("svc", StatusLevel.Operational, s_t0.AddMinutes(3)), later);
        later.Resolutions.Should().Equal(new IncidentResolution("svc", "inc1", s_t0.AddMinutes(3)));
    }

    [Fact]
    public void IncidentGoneFromASuccessfulReading_IsResolvedAtThatReadingsCheckedAt()
    {
        var open = new[] { ("svc", "inc1", "fingerprint"), ("other", "inc9", "fp") };
        var tracker = new HistoryTracker(new Dictionary<string, StatusLevel> { ["svc"] = StatusLevel.Degraded }, open);
        var batch = new HistoryBatch();

        var checkedAt = s_t0.AddSeconds(-30); // the reading's time, not the recorder's clock
        tracker.Observe(Reading("svc", StatusLevel.Operational, checkedAt), batch);

        batch.Resolutions.Should().Equal(new IncidentResolution("svc", "inc1", checkedAt));
        batch.Transitions.Should().Equal(new LevelTransition("svc", checkedAt, StatusLevel.Degraded, StatusLevel.Operational, "Test description"));
    }

    [Fact]
    public void Incident_StoredWhenNew_NotAgainWhenUnchanged_AgainWithANewUpdate()
    {
        var tracker = Empty();
        var first = new HistoryBatch();
        var r1 = Reading("svc", StatusLevel.Degraded, s_t0, incidents: Incident("inc1", updates: 1));
        tracker.Observe(r1, first);
        first.Incidents.Should().ContainSingle().Which.Should().Match<IncidentRecord>(i =>
            i.Service == "svc" && i.Id == "inc1" && i.Kind == "incident" && i.ResolvedAt == null && i.LastSeen == s_t0 && i.Updates.Count == 1);

        var second = new HistoryBatch();
        var r2 = Reading("svc", StatusLevel.Degraded, s_t0.AddMinutes(1), incidents: Incident("inc1", updates: 1));
        tracker.Observe(r2, second);
        second.Incidents.Should().BeEmpty("nothing about the incident changed");

        var third = new HistoryBatch();
        var r3 = Reading("svc", StatusLevel.Degraded, s_t0.AddMinutes(2), incidents: Incident("inc1", updates: 2));
        tracker.Observe(r3, third);
        third.Incidents.Should().ContainSingle().Which.Updates.Should().HaveCount(2);
        third.Transitions.Should().BeEmpty();
    }

    [Fact]
    public void OpenIncidentKnownFromTheDatabase_WithTheSameFingerprint_IsNotStoredAgain()
    {
        var incident = Incident("inc1", updates: 2);
        var fingerprint = HistoryTracker.Fingerprint(incident.Title, incident.Status, incident.Impact, incident.Updates.Count, incident.UpdatedAt);
        var tracker = new HistoryTracker(new Dictionary<string, StatusLevel> { ["svc"] = StatusLevel.Degraded }, [("svc", "inc1", fingerprint)]);
        var batch = new HistoryBatch();

        tracker.Observe(Reading("svc", StatusLevel.Degraded, s_t0, incidents: incident), batch);

        batch.Incidents.Should().BeEmpty();
        batch.Resolutions.Should().BeEmpty();
        batch.Transitions.Should().BeEmpty();
    }

    [Fact]
    public void Stopping_RecordsKnownLevelsToUnknown_Once()
    {
        var tracker = Empty();
        tracker.Observe(Reading("up", StatusLevel.Operational, s_t0), new HistoryBatch());
        tracker.Observe(Reading("down", StatusLevel.MajorOutage, s_t0), new HistoryBatch());
        var stop = s_t0.AddHours(1);
        var batch = new HistoryBatch();

        tracker.Stopping(["up", "down", "never-read"], stop, batch);

        batch.Transitions.Should().Equal(
            new LevelTransition("up", stop, StatusLevel.Operational, StatusLevel.Unknown, "StatusBoard stopped"),
            new LevelTransition("down", stop, StatusLevel.MajorOutage, StatusLevel.Unknown, "StatusBoard stopped"));
        var again = new HistoryBatch();
        tracker.Stopping(["up", "down"], stop.AddSeconds(1), again);
        again.Transitions.Should().BeEmpty("already unknown");
    }
}

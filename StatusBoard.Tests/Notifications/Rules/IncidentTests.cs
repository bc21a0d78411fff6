using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>Incidents are told when opened, when a new update is posted and when resolved; maintenance when it starts, ends and is near.</summary>
public sealed class IncidentTests
{
    private static readonly DateTimeOffset T0 = RulesBench.T0;

    private static Incident Incident(params string[] updates) =>
        new("inc1", "Actions delays", "investigating", StatusLevel.PartialOutage, T0, T0, "https://status.test/inc1", [],
            [.. updates.Select((u, i) => new IncidentUpdate(T0.AddMinutes(i), "update", u)).Reverse()]);

    private static void Publish(RulesBench bench, StatusLevel level, Incident[] incidents, Maintenance[]? maintenances = null)
    {
        var current = bench.Store.Current.Find("github")!;
        bench.Apply(current with
        {
            Status = level, CheckedAt = bench.Time.GetUtcNow(), Incidents = incidents, Maintenances = maintenances ?? [],
            LastChangedAt = current.Status == level ? current.LastChangedAt : bench.Time.GetUtcNow(),
        });
    }

    [Fact]
    public void OpenedUpdatedResolved_EachToldOnce_WithTheLatestUpdateText()
    {
        // Arrange: a route for incidents only, so level changes do not mix in
        using var bench = new RulesBench(RulesBench.OneRoute(("events:0", "IncidentOpened"), ("events:1", "IncidentUpdated"),
            ("events:2", "IncidentResolved")), [("github", "Code")]);
        bench.Set("github", StatusLevel.Operational);

        // Act: the same update polled twice changes nothing; a new update text is news
        Publish(bench, StatusLevel.PartialOutage, [Incident("Investigating")]);
        bench.Advance(TimeSpan.FromMinutes(2));
        Publish(bench, StatusLevel.PartialOutage, [Incident("Investigating") with { Status = "investigating" }]);
        bench.Advance(TimeSpan.FromMinutes(2));
        Publish(bench, StatusLevel.PartialOutage, [Incident("Investigating", "Fix deployed")]);
        bench.Advance(TimeSpan.FromMinutes(2));
        Publish(bench, StatusLevel.Operational, []);
        bench.Advance(TimeSpan.FromMinutes(2));

        // Assert
        bench.Messages.Select(m => m.Title).Should().Equal(
            "github: incident — Actions delays", "github: update — Actions delays", "github: resolved — Actions delays");
        bench.Messages[1].Events[0].LatestUpdate.Should().Be("Fix deployed");
        bench.Messages.Select(m => m.IdempotencyKey).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Maintenance_UpcomingWithinTheLeadTime_ThenStartedAndEnded()
    {
        // Arrange
        using var bench = new RulesBench(RulesBench.OneRoute(("events:0", "MaintenanceUpcoming"), ("events:1", "MaintenanceStarted"),
            ("events:2", "MaintenanceEnded")), [("github", "Code")]);
        bench.Set("github", StatusLevel.Operational);
        var window = new Maintenance("m1", "Database upgrade", "scheduled", false, T0.AddHours(3), T0.AddHours(4), null, [], []);

        // Act: scheduled three hours ahead (lead time one hour), then in progress, then over
        Publish(bench, StatusLevel.Operational, [], [window]);
        bench.Advance(TimeSpan.FromMinutes(90));
        var early = bench.Messages.Count;
        bench.Advance(TimeSpan.FromMinutes(60));
        bench.Advance(TimeSpan.FromMinutes(30));
        Publish(bench, StatusLevel.Maintenance, [], [window with { InProgress = true, Status = "in_progress" }]);
        bench.Advance(TimeSpan.FromMinutes(30));
        Publish(bench, StatusLevel.Operational, []);
        bench.Advance(TimeSpan.FromMinutes(2));

        // Assert
        early.Should().Be(0);
        bench.Messages.Select(m => m.Events.Single().Kind).Should().Equal(
            NotificationEventKind.MaintenanceUpcoming, NotificationEventKind.MaintenanceStarted, NotificationEventKind.MaintenanceEnded);
        bench.Messages[0].Title.Should().Be("github: maintenance at 2026-12-01 13:00 UTC — Database upgrade");
    }
}

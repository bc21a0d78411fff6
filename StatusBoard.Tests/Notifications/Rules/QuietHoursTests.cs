using FluentAssertions;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>Quiet hours defer, never drop: when they end, one summary message tells what happened meanwhile.</summary>
public sealed class QuietHoursTests
{
    [Fact]
    public void EventsDuringQuietHours_AreDeferred_ThenSummarisedInOneMessageWhenTheyEnd()
    {
        // Arrange: 10:00 UTC is 11:00 in Berlin; quiet from 10:30 to 12:00 local
        using var bench = new RulesBench(RulesBench.OneRoute(
            ("quietHours:from", "10:30"), ("quietHours:until", "12:00"), ("quietHours:timeZone", "Europe/Berlin")),
            [("github", "Code"), ("npm", "Registries")]);
        bench.Set("github", StatusLevel.Operational);
        bench.Set("npm", StatusLevel.Operational);

        // Act: down, then recovered, both inside the quiet hours; one more failure an hour later
        bench.Set("github", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(20));
        bench.Set("github", StatusLevel.Operational);
        bench.Set("npm", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromMinutes(30));
        var duringQuiet = bench.Messages.Count;
        bench.Advance(TimeSpan.FromMinutes(20));

        // Assert
        duringQuiet.Should().Be(0);
        var summary = bench.Messages.Should().ContainSingle().Subject;
        summary.CreatedAt.Should().Be(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), "12:00 in Berlin");
        summary.Events.Select(e => (e.ServiceId, e.Kind.ToString())).Should().Equal(
            ("github", "LevelChanged"), ("github", "Recovered"), ("npm", "LevelChanged"));
        summary.Title.Should().StartWith("During quiet hours (10:30–12:00), 3 events: 3 updates: github: major outage;");
    }
}

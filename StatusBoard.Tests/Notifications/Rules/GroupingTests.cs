using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>Events for a route within the group window are one message; a wave is one message per route, in change order.</summary>
public sealed class GroupingTests
{
    [Fact]
    public void ThreeServicesWithinTheWindow_OneGroupedMessage_InTheOrderTheyChanged()
    {
        // Arrange
        using var bench = new RulesBench(RulesBench.OneRoute(), [("vercel", "Hosting"), ("actions", "CI"), ("npm", "Registries")]);
        foreach (var id in new[] { "vercel", "actions", "npm" })
        {
            bench.Set(id, StatusLevel.Operational);
        }

        // Act
        bench.Set("actions", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromSeconds(10));
        bench.Set("npm", StatusLevel.PartialOutage);
        bench.Advance(TimeSpan.FromSeconds(10));
        bench.Set("vercel", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromMinutes(10));

        // Assert
        var message = bench.Messages.Should().ContainSingle().Subject;
        message.Events.Select(e => e.ServiceId).Should().Equal("actions", "npm", "vercel");
        message.Level.Should().Be(StatusLevel.PartialOutage);
        message.IsWave.Should().BeFalse("below the wave threshold of 5");
        message.Title.Should().Be("3 updates: actions: degraded; npm: partial outage; vercel: degraded");
    }

    [Fact]
    public void FiftyServiceWave_IsOneMessagePerRoute_WithTheWaveHeadline()
    {
        // Arrange: two routes over the same 50 services in three categories
        var settings = RulesBench.OneRoute();
        settings["StatusBoard:Notifications:Routes:1:name"] = "ops";
        settings["StatusBoard:Notifications:Routes:1:channel"] = "webhook";
        var services = RulesBench.Services(50);
        using var bench = new RulesBench(settings, services);
        foreach (var (id, _) in services)
        {
            bench.Set(id, StatusLevel.Operational);
        }

        // Act: all fail within 50 seconds, some saying why
        foreach (var (id, _) in services)
        {
            bench.Set(id, StatusLevel.MajorOutage, id.EndsWith('0') ? "Upstream provider Azure is degraded" : "Investigating");
            bench.Advance(TimeSpan.FromSeconds(1));
        }
        bench.Advance(TimeSpan.FromMinutes(10));

        // Assert
        bench.Messages.Select(m => m.Route).Should().BeEquivalentTo(["team", "ops"]);
        foreach (var message in bench.Messages)
        {
            message.IsWave.Should().BeTrue();
            message.Events.Should().HaveCount(50);
            message.Events.Select(e => e.ServiceId).Should().Equal(services.Select(s => s.Id));
            message.Title.Should().Be("50 services degraded: svc01, svc02, svc03, … — 5 mention Azure");
        }
    }

    [Fact]
    public void EventsFurtherApartThanTheWindow_AreSeparateMessages()
    {
        // Arrange
        using var bench = new RulesBench(RulesBench.OneRoute(), [("a", "x"), ("b", "y")]);
        bench.Set("a", StatusLevel.Operational);
        bench.Set("b", StatusLevel.Operational);

        // Act
        bench.Set("a", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(5));
        bench.Set("b", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Assert
        bench.Messages.Select(m => m.Title).Should().Equal("a: major outage", "b: major outage");
    }
}

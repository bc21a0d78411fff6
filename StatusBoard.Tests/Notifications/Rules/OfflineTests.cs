using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>"Is it them or is it me": while StatusBoard is offline no service alert is sent; operators hear it once each way.</summary>
public sealed class OfflineTests
{
    [Fact]
    public void Offline_SendsNoServiceAlert_EvenForAHoldThatMatures_AndOneOperatorsMessageEachWay()
    {
        // Arrange: a team route and an operators' route, one service going down just before the network goes
        var settings = RulesBench.OneRoute();
        settings["StatusBoard:Notifications:Routes:1:name"] = "ops";
        settings["StatusBoard:Notifications:Routes:1:channel"] = "slack";
        settings["StatusBoard:Notifications:Routes:1:operators"] = "true";
        using var bench = new RulesBench(settings, [("github", "Code"), ("npm", "Registries")]);
        bench.Set("github", StatusLevel.Operational);
        bench.Set("npm", StatusLevel.Operational);
        bench.Set("github", StatusLevel.MajorOutage);

        // Act: offline for ten minutes (the hold would have matured meanwhile), readings all unknown or stale
        bench.SetOffline(new Connectivity(bench.Time.GetUtcNow(), "Canaries unreachable"));
        bench.Set("npm", StatusLevel.Unknown);
        bench.Advance(TimeSpan.FromMinutes(10));
        var whileOffline = bench.Messages.ToList();
        bench.Set("github", StatusLevel.Operational);
        bench.Set("npm", StatusLevel.Operational);
        bench.SetOffline(null);
        bench.Advance(TimeSpan.FromMinutes(10));

        // Assert
        whileOffline.Should().ContainSingle().Which.Should().Match<NotificationMessage>(m =>
            m.Route == "ops" && m.Title == "StatusBoard is offline: Canaries unreachable");
        bench.Messages.Should().HaveCount(2);
        bench.Messages[1].Should().Match<NotificationMessage>(m => m.Route == "ops" && m.Title == "StatusBoard is back online");
        bench.Messages.Should().OnlyContain(m => m.Route == "ops", "no service alert at all, and the team route is not operators'");
    }
}

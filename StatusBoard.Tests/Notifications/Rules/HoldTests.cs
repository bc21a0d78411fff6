using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>Damping: a level is told once it held for HoldFor; a flap inside it is silent; a recovery follows an alert.</summary>
public sealed class HoldTests
{
    private static readonly (string, string)[] OneService = [("github", "Code")];

    private static RulesBench Bench(params (string, string)[] route)
    {
        var bench = new RulesBench(RulesBench.OneRoute(route), OneService);
        bench.Set("github", StatusLevel.Operational);
        return bench;
    }

    [Fact]
    public void DownAndHolds_SendsOneMessage_AfterHoldForAndTheGroupWindow()
    {
        // Arrange
        using var bench = Bench();

        // Act
        bench.Set("github", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        var beforeHold = bench.Messages.Count;
        bench.Advance(TimeSpan.FromMinutes(10));

        // Assert
        beforeHold.Should().Be(0);
        var message = bench.Messages.Should().ContainSingle().Subject;
        message.Title.Should().Be("github: major outage");
        message.Level.Should().Be(StatusLevel.MajorOutage);
        message.Events.Should().ContainSingle().Which.Kind.Should().Be(NotificationEventKind.LevelChanged);
        message.CreatedAt.Should().Be(RulesBench.T0 + TimeSpan.FromMinutes(3), "held 2 minutes, then the 60 s group window");
    }

    [Fact]
    public void FlapOfThirtySeconds_SendsNothing()
    {
        // Arrange
        using var bench = Bench();

        // Act
        bench.Set("github", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromSeconds(30));
        bench.Set("github", StatusLevel.Operational);
        bench.Advance(TimeSpan.FromHours(1));

        // Assert
        bench.Messages.Should().BeEmpty();
    }

    [Fact]
    public void RecoveryAfterAnAlert_SendsOneRecoveredMessage()
    {
        // Arrange
        using var bench = Bench();
        bench.Set("github", StatusLevel.PartialOutage);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Act
        bench.Set("github", StatusLevel.Operational);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Assert
        bench.Messages.Should().HaveCount(2);
        bench.Messages[1].Title.Should().Be("github: operational again");
        bench.Messages[1].Events.Should().ContainSingle().Which.Kind.Should().Be(NotificationEventKind.Recovered);
        bench.Messages[1].Level.Should().Be(StatusLevel.Operational);
        bench.Messages[1].IdempotencyKey.Should().NotBe(bench.Messages[0].IdempotencyKey);
    }

    [Fact]
    public void ChangeBelowMinLevelThatNeverAlerted_SendsNothing_NorItsRecovery()
    {
        // Arrange
        using var bench = Bench(("minLevel", "major_outage"));

        // Act
        bench.Set("github", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromMinutes(5));
        bench.Set("github", StatusLevel.Operational);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Assert
        bench.Messages.Should().BeEmpty();
    }

    [Fact]
    public void WorseningAfterAnAlert_IsToldAgain_ButTheSameLevelAfterAFlapIsNot()
    {
        // Arrange
        using var bench = Bench();
        bench.Set("github", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Act: a short flap to operational and back, then a real worsening
        bench.Set("github", StatusLevel.Operational);
        bench.Advance(TimeSpan.FromSeconds(20));
        bench.Set("github", StatusLevel.Degraded);
        bench.Advance(TimeSpan.FromMinutes(5));
        bench.Set("github", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(5));

        // Assert
        bench.Messages.Select(m => m.Title).Should().Equal("github: degraded", "github: major outage");
    }

    [Fact]
    public void Unknown_IsToldOnlyToRoutesThatOptIn_AfterUnknownAfter()
    {
        // Arrange
        var settings = RulesBench.OneRoute(("includeUnknown", "true"));
        settings["StatusBoard:Notifications:Routes:1:name"] = "quiet";
        settings["StatusBoard:Notifications:Routes:1:channel"] = "ntfy";
        using var bench = new RulesBench(settings, OneService);
        bench.Set("github", StatusLevel.Operational);

        // Act
        bench.Set("github", StatusLevel.Unknown);
        bench.Advance(TimeSpan.FromMinutes(14));
        var before = bench.Messages.Count;
        bench.Advance(TimeSpan.FromMinutes(5));

        // Assert
        before.Should().Be(0, "unknown is told only after UnknownAfter (15 minutes)");
        bench.Messages.Should().ContainSingle().Which.Should().Match<NotificationMessage>(m => m.Route == "team" && m.Level == StatusLevel.Unknown);
    }

    [Fact]
    public void StaleStatuses_AreNotNews()
    {
        // Arrange
        using var bench = Bench();

        // Act: our own network is down, the engine keeps the last level flagged stale
        var current = bench.Store.Current.Find("github")!;
        bench.Apply(current with { Status = StatusLevel.MajorOutage, Stale = true, CheckedAt = bench.Time.GetUtcNow() });
        bench.Advance(TimeSpan.FromMinutes(10));

        // Assert
        bench.Messages.Should().BeEmpty();
    }
}

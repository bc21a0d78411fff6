using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Engine;

/// <summary>The composer on plain records: flap damping, stale, unknown with a reason, LastChangedAt. No HTTP, no clock.</summary>
public sealed class StatusComposerTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ServiceDefinition Service = new() { Id = "svc", Name = "Svc", Category = "Test", Provider = "statuspage", Url = new Uri("https://status.example.test/") };
    private static readonly StatusComposer Composer = new(Options.Create(new EngineOptions()));

    private static ServiceStatus Known(StatusLevel level) =>
        new("svc", "Svc", "Test", level, "As read", Earlier, Earlier, 10, null, null, [], [], []);

    private static Reading Understood(StatusLevel level) => Reading.Understood(ProviderResult.Ok(ParsedStatus.Of(level, "Now read")), TimeSpan.FromMilliseconds(42));

    [Fact]
    public void Understood_NewLevel_ChangesNow_SameLevelKeepsLastChangedAt()
    {
        // Act
        var changed = Composer.Compose(Service, Known(StatusLevel.Operational), Understood(StatusLevel.Degraded), null, Now);
        var same = Composer.Compose(Service, Known(StatusLevel.Degraded), Understood(StatusLevel.Degraded), null, Now);

        // Assert
        changed.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Degraded && s.LastChangedAt == Now && s.CheckedAt == Now && s.ResponseTimeMs == 42);
        same.LastChangedAt.Should().Be(Earlier);
        same.Stale.Should().BeFalse();
    }

    [Fact]
    public void Understood_FirstReading_ChangesNow() =>
        Composer.Compose(Service, ServiceStatus.Pending("svc", "Svc", "Test", null), Understood(StatusLevel.Unknown), null, Now)
            .LastChangedAt.Should().Be(Now);

    [Fact]
    public void Failed_OnceWithKnownLevel_KeepsItMarkedStaleWithTheReason()
    {
        // Act
        var status = Composer.Compose(Service, Known(StatusLevel.Degraded), Reading.Failed("HTTP 500 Internal Server Error", TimeSpan.Zero, 1, Now, false), null, Now);

        // Assert
        status.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Degraded && s.Stale && s.Error == "HTTP 500 Internal Server Error" && s.FailingSince == Now);
        status.LastChangedAt.Should().Be(Earlier);
    }

    [Fact]
    public void Failed_TwiceInARow_IsUnknownWithReasonAndSince()
    {
        // Act
        var status = Composer.Compose(Service, Known(StatusLevel.Degraded), Reading.Failed("Connection refused", TimeSpan.Zero, 2, Earlier, false), null, Now);

        // Assert
        status.Status.Should().Be(StatusLevel.Unknown);
        status.Error.Should().Be("Connection refused");
        status.Summary.Should().Be("Connection refused (failing since 2026-11-25 11:00 UTC)");
        status.LastChangedAt.Should().Be(Now);
        status.Components.Should().BeEmpty();
    }

    [Fact]
    public void Failed_OurNetwork_KnownLevelIsKeptHoweverLongItLasts()
    {
        // Act
        var status = Composer.Compose(Service, Known(StatusLevel.Operational), Reading.Failed("Host not found (DNS)", TimeSpan.Zero, 9, Earlier, true), null, Now);

        // Assert
        status.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Operational && s.Stale && s.Error == "Host not found (DNS)");
    }

    [Fact]
    public void Failed_OurNetwork_NeverKnown_SaysStatusBoardIsOffline()
    {
        // Act
        var status = Composer.Compose(Service, ServiceStatus.Pending("svc", "Svc", "Test", null), Reading.Failed("Host not found (DNS)", TimeSpan.Zero, 0, null, true), null, Now);

        // Assert
        status.Status.Should().Be(StatusLevel.Unknown);
        status.Error.Should().Be("Host not found (DNS)");
        status.Summary.Should().Be("Host not found (DNS) (StatusBoard is offline; this service has no earlier reading to keep)");
        status.CheckedAt.Should().Be(Now);
    }

    [Fact]
    public void Held_KnownLevelStaysStale_NeverKnownIsUnknownWithTheReason()
    {
        // Arrange
        var held = Reading.Held("Rate limited: status.example.test asked to wait until 12:05:00 UTC (Retry-After)", 0, null);

        // Act
        var known = Composer.Compose(Service, Known(StatusLevel.Maintenance), held, null, Now);
        var never = Composer.Compose(Service, ServiceStatus.Pending("svc", "Svc", "Test", null), held, null, Now);

        // Assert
        known.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Maintenance && s.Stale && s.Error == held.Error);
        never.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Unknown && s.Summary == held.Error && s.Error == held.Error);
    }

    [Fact]
    public void Understood_FilterMatchedNothing_IsUnknownNamingTheFilter_NotAFailure()
    {
        // Act
        var status = Composer.Compose(Service, Known(StatusLevel.Operational),
            Reading.Understood(ProviderResult.Fail("components filter [Nope] matches none of the 3 components this page lists"), TimeSpan.Zero), null, Now);

        // Assert
        status.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Unknown && !s.Stale && s.FailingSince == null);
        status.Error.Should().StartWith("components filter [Nope]");
    }

    [Fact]
    public void Observed_NewProbeReplacesTheOld_NoProbeKeepsIt()
    {
        // Arrange
        var old = new ObservedStatus(StatusLevel.Operational, Earlier, 5, null);
        var previous = Known(StatusLevel.Operational) with { Observed = old };
        var fresh = new ObservedStatus(StatusLevel.MajorOutage, Now, 7, "HTTP 503 Service Unavailable");

        // Act / Assert
        Composer.Compose(Service, previous, Understood(StatusLevel.Operational), fresh, Now).Observed.Should().Be(fresh);
        Composer.Compose(Service, previous, Understood(StatusLevel.Operational), null, Now).Observed.Should().Be(old);
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Engine.Politeness;

namespace StatusBoard.Tests.Engine.Politeness;

/// <summary>The default politeness (one request per host in flight, starts 100 ms apart), which test hosts override.</summary>
public sealed class HostGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri Page = new("https://status.example.test/api/v2/summary.json");

    [Fact]
    public async Task Defaults_SecondRequestToOneHost_WaitsForTheFirstAndStartsAtLeastHostSpacingLater()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var defaults = new EngineOptions();
        var gate = new HostGate(time, Options.Create(defaults));
        var first = await gate.EnterAsync(Page, CancellationToken.None);

        // Act
        var second = gate.EnterAsync(new Uri(Page, "/other.json"), CancellationToken.None);
        time.Advance(defaults.HostSpacing);

        // Assert: never two in flight, even once the spacing has passed.
        second.IsCompleted.Should().BeFalse("the first request still holds the host's only slot");

        // Act: the first request ends right away; the spacing counts from its start.
        first.Dispose();
        var secondSlot = await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Assert
        (time.GetUtcNow() - Start).Should().BeGreaterThanOrEqualTo(defaults.HostSpacing);
        secondSlot.Dispose();
    }

    [Fact]
    public async Task Defaults_RequestsStartAtLeastHostSpacingApart_EvenWhenEachEndsAtOnce()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var defaults = new EngineOptions();
        var gate = new HostGate(time, Options.Create(defaults));
        (await gate.EnterAsync(Page, CancellationToken.None)).Dispose();

        // Act
        var second = gate.EnterAsync(Page, CancellationToken.None);
        time.Advance(defaults.HostSpacing - TimeSpan.FromMilliseconds(1));
        var tooEarly = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();

        // Assert
        tooEarly.Should().BeFalse("a request 99 ms after the last start would be too early");
        defaults.MaxRequestsPerHost.Should().Be(1);
        defaults.HostSpacing.Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Defaults_AnotherHost_IsNotHeldBack()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var gate = new HostGate(time, Options.Create(new EngineOptions()));
        using var busy = await gate.EnterAsync(Page, CancellationToken.None);

        // Act
        var other = gate.EnterAsync(new Uri("https://status.other.test/"), CancellationToken.None);

        // Assert
        other.IsCompletedSuccessfully.Should().BeTrue();
        (await other).Dispose();
    }
}

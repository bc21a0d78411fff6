using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Snapshots; // not ".Snapshot": inside StatusBoard.Tests that name would hide the Snapshot type

/// <summary>Coalescing (changes within PublishDelay are one version) and deferral (freshness-only waits), on a fake clock.</summary>
public sealed class PublishTimingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private SnapshotStore Store(SnapshotOptions options) =>
        TestStores.Create(_time, TestStores.Catalog("a", "b", "c"), options.PublishDelay, options.FreshnessInterval);

    [Fact]
    public void DefaultPublishDelay_ChangesWithinIt_BecomeOneVersion()
    {
        // Arrange: the defaults, which every test host overrides with zero.
        var defaults = new SnapshotOptions();
        defaults.PublishDelay.Should().Be(TimeSpan.FromMilliseconds(250));
        using var store = Store(defaults);
        store.Set(_time, "a", StatusLevel.Degraded); // the first change goes out at once and starts the delay
        var first = store.Current.Version;

        // Act
        _time.Advance(TimeSpan.FromMilliseconds(100));
        store.Set(_time, "b", StatusLevel.MajorOutage);
        store.Set(_time, "c", StatusLevel.PartialOutage);
        var during = store.Current.Version;
        _time.Advance(TimeSpan.FromMilliseconds(150));

        // Assert
        during.Should().Be(first, "changes inside the publish delay wait for it");
        store.Current.Version.Should().Be(first + 1, "both changes are one version");
        store.Current.Service("b").Status.Should().Be(StatusLevel.MajorOutage);
        store.Current.Service("c").Status.Should().Be(StatusLevel.PartialOutage);
    }

    [Fact]
    public void FreshnessOnlyPoll_WaitsForTheFreshnessInterval()
    {
        // Arrange
        using var store = Store(new SnapshotOptions { PublishDelay = TimeSpan.Zero, FreshnessInterval = TimeSpan.FromSeconds(15) });
        var shown = store.Set(_time, "a", StatusLevel.Operational);
        var version = store.Current.Version;

        // Act
        _time.Advance(TimeSpan.FromSeconds(5));
        store.Apply(shown with { CheckedAt = _time.GetUtcNow() });
        _time.Advance(TimeSpan.FromSeconds(9));
        var before = store.Current.Version;
        _time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        before.Should().Be(version, "a poll that only refreshes 'last checked' is not worth a version of its own yet");
        store.Current.Version.Should().Be(version + 1);
        store.Current.Service("a").CheckedAt.Should().Be(shown.CheckedAt!.Value.AddSeconds(5));
    }

    [Fact]
    public void FreshnessOnlyPoll_GoesOutWithTheNextContentChange()
    {
        // Arrange
        using var store = Store(new SnapshotOptions { PublishDelay = TimeSpan.Zero, FreshnessInterval = TimeSpan.FromSeconds(15) });
        var shown = store.Set(_time, "a", StatusLevel.Operational);
        _time.Advance(TimeSpan.FromSeconds(5));
        store.Apply(shown with { CheckedAt = _time.GetUtcNow() });
        var version = store.Current.Version;

        // Act
        store.Set(_time, "b", StatusLevel.Degraded);

        // Assert
        store.Current.Version.Should().Be(version + 1);
        store.Current.Service("a").CheckedAt.Should().Be(_time.GetUtcNow(), "the waiting freshness rides along");
    }

    [Theory]
    [InlineData("StatusBoard:PublishDelay", "-00:00:01", "StatusBoard:PublishDelay must not be negative.")]
    [InlineData("StatusBoard:FreshnessInterval", "00:00:00", "StatusBoard:FreshnessInterval must be positive.")]
    public void OutOfRangeOption_FailsWithAMessageNamingTheKey(string key, string value, string message)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddStatusBoardCore(configuration).BuildServiceProvider();

        // Act
        var read = () => services.GetRequiredService<IOptions<SnapshotOptions>>().Value;

        // Assert
        read.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(message);
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Engine.Truth;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Snapshots; // not ".Snapshot": inside StatusBoard.Tests that name would hide the Snapshot type

/// <summary>Staleness is decided against the freshest status the store holds, never by applying an old copy.</summary>
public sealed class StalenessTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sweep_WhileAFresherStatusIsPending_KeepsTheFresherStatus()
    {
        // Arrange: svc was read once, long ago; a fresh reading is pending (inside the publish delay) when the sweep runs.
        var time = new FakeTimeProvider(s_start);
        var catalog = TestStores.Catalog("svc", "other");
        using var store = TestStores.Create(time, catalog, publishDelay: TimeSpan.FromSeconds(1), freshnessInterval: TimeSpan.FromSeconds(15));
        var sweeper = new StalenessSweeper(store, Options.Create(catalog), Options.Create(new EngineOptions()),
            Options.Create(new SnapshotOptions()), time);
        store.Set(time, "svc", StatusLevel.Operational, "Fine");
        time.Advance(catalog.PollInterval * 4);
        store.Set(time, "other", StatusLevel.Operational, "Fine"); // published at once: starts a publish delay
        var fresh = store.Set(time, "svc", StatusLevel.Degraded, "Slow");

        // Act
        sweeper.Sweep();
        time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        var svc = store.Current.Service("svc");
        svc.Should().Match<ServiceStatus>(s => s.Status == StatusLevel.Degraded && s.CheckedAt == fresh.CheckedAt && !s.Stale,
            "the pending reading is newer than the published one the sweeper looked at");
    }

    [Fact]
    public void Sweep_StatusOlderThanItsLimit_IsFlaggedStale_OthersAreNot()
    {
        // Arrange
        var time = new FakeTimeProvider(s_start);
        var catalog = TestStores.Catalog("old", "recent", "never");
        using var store = TestStores.Create(time, catalog, publishDelay: TimeSpan.Zero, freshnessInterval: TimeSpan.FromSeconds(15));
        var sweeper = new StalenessSweeper(store, Options.Create(catalog), Options.Create(new EngineOptions { StaleAfterIntervals = 3 }),
            Options.Create(new SnapshotOptions()), time);
        store.Set(time, "old", StatusLevel.Operational);
        time.Advance(catalog.PollInterval * 3);
        store.Set(time, "recent", StatusLevel.Operational);
        time.Advance(TimeSpan.FromSeconds(1));

        // Act
        var marked = sweeper.Sweep();

        // Assert
        marked.Should().Be(1);
        store.Current.Service("old").Stale.Should().BeTrue();
        store.Current.Service("recent").Stale.Should().BeFalse();
        store.Current.Service("never").Stale.Should().BeFalse("never checked: 'not checked yet' says it already");
        sweeper.Sweep().Should().Be(0, "already stale");
    }
}

using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Snapshots; // not ".Snapshot": inside StatusBoard.Tests that name would hide the Snapshot type

/// <summary>The ordered change feed: every version once, in order, with the store's own verdict of what changed.</summary>
public sealed class ChangeFeedTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private SnapshotStore Store(params string[] ids) =>
        TestStores.Create(_time, TestStores.Catalog(ids), publishDelay: TimeSpan.Zero, freshnessInterval: TimeSpan.Zero);

    private static SnapshotChange Next(ChangeFeed feed)
    {
        feed.TryRead(out var change).Should().BeTrue("a change was published");
        return change!;
    }

    [Fact]
    public async Task ConcurrentApply_FeedSeesEveryVersionExactlyOnce_InOrder()
    {
        // Arrange
        const int writers = 6;
        const int changesPerWriter = 1000;
        var ids = Enumerable.Range(0, writers).Select(i => $"s{i}").ToArray();
        using var store = Store(ids);
        using var feed = store.OpenChangeFeed();

        // Act
        using var startTogether = new Barrier(writers);
        await Task.WhenAll(ids.Select(id => Task.Run(() =>
        {
            startTogether.SignalAndWait();
            for (var n = 0; n < changesPerWriter; n++)
            {
                store.Set(_time, id, n % 2 == 0 ? StatusLevel.Degraded : StatusLevel.Operational, $"change {n}");
            }
        }, CancellationToken.None)));

        // Assert: every write was a content change published at once, so every version is there, in order.
        var changes = new List<SnapshotChange>();
        while (feed.TryRead(out var change))
        {
            changes.Add(change);
        }
        changes.Select(c => c.Current.Version).Should().Equal(
            Enumerable.Range(1, writers * changesPerWriter).Select(n => feed.Start.Version + n));
        changes.Should().OnlyContain(c => c.Previous.Version == c.Current.Version - 1 && c.Changed.Count == 1);
        changes[^1].Current.Should().BeSameAs(store.Current);
    }

    [Fact]
    public void ContentChange_IsReportedWithTheNewStatus_FreshnessOnlyIsMarkedAsSuch()
    {
        // Arrange
        using var store = Store("a", "b");
        using var feed = store.OpenChangeFeed();

        // Act
        var down = store.Set(_time, "a", StatusLevel.MajorOutage, "Down");
        _time.Advance(TimeSpan.FromMinutes(1));
        store.Apply(down with { CheckedAt = _time.GetUtcNow(), ResponseTimeMs = 99 });

        // Assert
        var changed = Next(feed);
        changed.Changed.Should().ContainSingle().Which.Should().BeSameAs(down);
        changed.FreshnessOnly.Should().BeFalse();
        var refreshed = Next(feed);
        refreshed.Changed.Should().BeEmpty();
        refreshed.FreshnessOnly.Should().BeTrue("only 'last checked' and the response time moved");
        refreshed.Current.Service("a").ResponseTimeMs.Should().Be(99);
    }

    [Fact]
    public void Reset_ReportsAddedAndRemovedServices()
    {
        // Arrange
        using var store = Store("a", "b");
        using var feed = store.OpenChangeFeed();
        var added = ServiceStatus.Pending("c", "c", "Test", null);

        // Act
        store.Reset([store.Current.Service("a"), added]);

        // Assert
        var change = Next(feed);
        change.Added.Should().Equal("c");
        change.Removed.Should().Equal("b");
        change.Changed.Should().Equal(added);
    }

    [Fact]
    public void OpenedFeed_StartsAtCurrent_AndSeesNothingFromBefore()
    {
        using var store = Store("a");
        store.Set(_time, "a", StatusLevel.Degraded);

        using var feed = store.OpenChangeFeed();

        feed.Start.Should().BeSameAs(store.Current);
        feed.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public async Task WatchChangesAsync_YieldsEachChangeInOrder_FromTheFirstRead()
    {
        // Arrange: the first MoveNextAsync registers the feed.
        using var store = Store("a");
        await using var changes = store.WatchChangesAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var first = changes.MoveNextAsync();

        // Act
        store.Set(_time, "a", StatusLevel.Degraded);
        store.Set(_time, "a", StatusLevel.Operational);

        // Assert
        (await first).Should().BeTrue();
        changes.Current.Changed.Single().Status.Should().Be(StatusLevel.Degraded);
        (await changes.MoveNextAsync()).Should().BeTrue();
        changes.Current.Changed.Single().Status.Should().Be(StatusLevel.Operational);
        changes.Current.Current.Should().BeSameAs(store.Current);
    }
}

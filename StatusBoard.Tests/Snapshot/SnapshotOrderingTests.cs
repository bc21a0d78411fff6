using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Snapshots; // not ".Snapshot": inside StatusBoard.Tests that name would hide the Snapshot type

/// <summary>The change stream's contract: strictly increasing versions, always ending on the latest.</summary>
public sealed class SnapshotOrderingTests
{
    private const int Writers = 6;
    private const int ChangesPerWriter = 1500;

    /// <summary>Records what one subscriber saw; completes <see cref="Reached"/> once it saw the target version.</summary>
    private sealed class Observer(string name)
    {
        private readonly Lock _gate = new();
        private readonly List<long> _seen = [];
        private long _target = long.MaxValue;

        public string Name { get; } = name;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Saw(long version)
        {
            lock (_gate)
            {
                _seen.Add(version);
                if (version >= _target)
                {
                    Reached.TrySetResult();
                }
            }
        }

        public void Expect(long target)
        {
            lock (_gate)
            {
                _target = target;
                if (_seen.Count > 0 && _seen[^1] >= target)
                {
                    Reached.TrySetResult();
                }
            }
        }

        public long[] Seen()
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    [Fact]
    public async Task ConcurrentApply_EveryWatcherAndSubscriberSeesIncreasingVersions_AndEndsOnTheLatest()
    {
        // Arrange: every change is published at once, from many threads.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var ids = Enumerable.Range(0, Writers).Select(i => $"s{i}").ToArray();
        using var store = TestStores.Create(time, TestStores.Catalog(ids), publishDelay: TimeSpan.Zero, freshnessInterval: TimeSpan.Zero);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var observers = new List<Observer>();
        var subscriptions = new List<IDisposable>();
        var watchers = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            var watcher = new Observer($"watcher {i}");
            observers.Add(watcher);
            watchers.Add(Task.Run(async () =>
            {
                await foreach (var snapshot in store.WatchAsync(stop.Token))
                {
                    watcher.Saw(snapshot.Version);
                }
            }, CancellationToken.None));
            var subscriber = new Observer($"subscriber {i}");
            observers.Add(subscriber);
            subscriptions.Add(store.Subscribe(snapshot =>
            {
                subscriber.Saw(snapshot.Version);
                return Task.CompletedTask;
            }));
        }

        // Act
        using var startTogether = new Barrier(Writers);
        await Task.WhenAll(ids.Select(id => Task.Run(() =>
        {
            startTogether.SignalAndWait();
            for (var n = 0; n < ChangesPerWriter; n++)
            {
                store.Set(time, id, n % 2 == 0 ? StatusLevel.Degraded : StatusLevel.Operational, $"change {n}");
            }
        }, CancellationToken.None)));
        var latest = store.Current.Version;
        foreach (var observer in observers)
        {
            observer.Expect(latest);
        }
        var ended = await Task.WhenAll(observers.Select(async o =>
            await Task.WhenAny(o.Reached.Task, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)) == o.Reached.Task));
        await stop.CancelAsync();
        await Task.WhenAll(watchers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        subscriptions.ForEach(s => s.Dispose());

        // Assert
        foreach (var (observer, reached) in observers.Zip(ended))
        {
            var seen = observer.Seen();
            seen.Should().BeInAscendingOrder($"{observer.Name} must see versions in order")
                .And.OnlyHaveUniqueItems($"{observer.Name} must not see a version twice");
            reached.Should().BeTrue($"{observer.Name} must end on the latest version {latest}, but its last was {(seen.Length > 0 ? seen[^1] : 0)}");
        }
    }
}

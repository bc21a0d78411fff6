using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace StatusBoard.Core.Snapshot;

public sealed partial class SnapshotStore
{
    private readonly Lock _watchersGate = new();
    private ImmutableWatchers _watchers = ImmutableWatchers.Empty;
    private readonly List<ChangeFeed> _feeds = []; // guarded by _gate: changes are queued where versions are made

    /// <summary>
    /// Calls <paramref name="onChanged"/> with the latest snapshot after new versions, never twice at once for one
    /// subscriber and never blocking the publisher. Versions arrive in strictly increasing order and the last call
    /// is with the latest one; versions published while a call is busy are skipped (a tile needs the latest only).
    /// Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Func<Snapshot, Task> onChanged)
    {
        var subscription = new Subscription(this, onChanged);
        lock (_watchersGate)
        {
            _watchers = _watchers.With(subscription);
        }
        return subscription;
    }

    /// <summary>
    /// The current snapshot, then newer ones in strictly increasing order, ending on the latest; a slow reader
    /// skips intermediate versions. Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<Snapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A signal, not the snapshot: notifications run outside the lock and may arrive out of order, so the
        // reader takes Current (set before the signal) and never keeps an older snapshot than the latest.
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
            SingleWriter = false,
        });
        var watcher = new Subscription(this, _ =>
        {
            signal.Writer.TryWrite(true);
            return Task.CompletedTask;
        }, inline: true);
        // Register the watcher FIRST, then read Current, so no version published in between is lost.
        lock (_watchersGate)
        {
            _watchers = _watchers.With(watcher);
        }
        try
        {
            var last = Current;
            yield return last;
            while (await signal.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                signal.Reader.TryRead(out _);
                var latest = Current;
                if (latest.Version > last.Version)
                {
                    last = latest;
                    yield return latest;
                }
            }
        }
        finally
        {
            watcher.Dispose();
        }
    }

    /// <summary>
    /// Opens a feed of every version published from now on, each exactly once and in order, with what it changed
    /// (history and notifications need every content change, not just the latest). Dispose it to stop.
    /// </summary>
    public ChangeFeed OpenChangeFeed()
    {
        lock (_gate)
        {
            // Registered and started under the lock that publishes: the first change read follows Start exactly.
            var feed = new ChangeFeed(this, _current);
            _feeds.Add(feed);
            return feed;
        }
    }

    /// <summary>Every change published from the first read on, in order, none skipped (see <see cref="OpenChangeFeed"/>).</summary>
    public async IAsyncEnumerable<SnapshotChange> WatchChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var feed = OpenChangeFeed();
        await foreach (var change in feed.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return change;
        }
    }

    /// <summary>Number of live subscriptions and watchers (for metrics and tests); change feeds not included.</summary>
    public int SubscriberCount => _watchers.Items.Length;

    internal void Close(ChangeFeed feed)
    {
        lock (_gate)
        {
            _feeds.Remove(feed);
        }
    }

    private void QueueChangeLocked(Snapshot previous, Snapshot current, IReadOnlyList<ServiceStatus> changed)
    {
        if (_feeds.Count == 0)
        {
            return;
        }
        var ids = current.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = current.Services.Where(s => previous.Find(s.Id) is null).Select(s => s.Id).ToList();
        var removed = previous.Services.Where(s => !ids.Contains(s.Id)).Select(s => s.Id).ToList();
        var change = new SnapshotChange(previous, current, changed, added, removed);
        foreach (var feed in _feeds)
        {
            feed.Write(change);
        }
    }

    private void Notify()
    {
        foreach (var watcher in _watchers.Items)
        {
            watcher.Signal();
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_watchersGate)
        {
            _watchers = _watchers.Without(subscription);
        }
    }

    private sealed record ImmutableWatchers(Subscription[] Items)
    {
        public static readonly ImmutableWatchers Empty = new([]);

        public ImmutableWatchers With(Subscription s) => new([.. Items, s]);

        public ImmutableWatchers Without(Subscription s) => new(Items.Where(i => !ReferenceEquals(i, s)).ToArray());
    }

    private sealed class Subscription(SnapshotStore store, Func<Snapshot, Task> callback, bool inline = false) : IDisposable
    {
        private readonly Lock _gate = new();
        private bool _running;
        private bool _again;
        private bool _disposed;
        private long _lastVersion; // only touched by the one run in progress

        public void Signal()
        {
            if (inline)
            {
                // Watchers only TryWrite to their own channel: cheap and non-blocking.
                callback(store.Current);
                return;
            }
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                if (_running)
                {
                    _again = true;
                    return;
                }
                _running = true;
            }
            _ = Task.Run(RunAsync);
        }

        private async Task RunAsync()
        {
            while (true)
            {
                // Current is set before the signal: a run that starts after it sees that version or a newer one.
                var snapshot = store.Current;
                if (snapshot.Version > _lastVersion)
                {
                    _lastVersion = snapshot.Version;
                    try
                    {
                        await callback(snapshot).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // A subscriber's failure is its own (Blazor components dispatch it to their circuit);
                        // it must not stop notifications to it or to anyone else.
                    }
                }
                lock (_gate)
                {
                    if (!_again || _disposed)
                    {
                        _running = false;
                        return;
                    }
                    _again = false;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }
            store.Remove(this);
        }
    }
}

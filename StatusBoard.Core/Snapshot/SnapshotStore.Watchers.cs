using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace StatusBoard.Core.Snapshot;

public sealed partial class SnapshotStore
{
    private readonly Lock _watchersGate = new();
    private ImmutableWatchers _watchers = ImmutableWatchers.Empty;

    /// <summary>
    /// Calls <paramref name="onChanged"/> after each new version, never twice at once for one subscriber and
    /// never blocking the publisher; a run that is still busy when more versions arrive is followed by exactly
    /// one more run with the latest snapshot. Dispose the result to stop.
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
    /// The current snapshot, then every newer one; a slow reader skips versions and always gets the latest.
    /// Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<Snapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Snapshot>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        var watcher = new Subscription(this, snapshot =>
        {
            channel.Writer.TryWrite(snapshot);
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
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var snapshot))
                {
                    if (snapshot.Version > last.Version)
                    {
                        last = snapshot;
                        yield return snapshot;
                    }
                }
            }
        }
        finally
        {
            watcher.Dispose();
        }
    }

    /// <summary>Number of live subscriptions and watchers (for metrics and tests).</summary>
    public int SubscriberCount => _watchers.Items.Length;

    private void Notify(Snapshot snapshot)
    {
        foreach (var watcher in _watchers.Items)
        {
            watcher.Signal(snapshot);
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

        public void Signal(Snapshot snapshot)
        {
            if (inline)
            {
                // Watchers only TryWrite to their own channel: cheap and non-blocking.
                callback(snapshot);
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
                try
                {
                    await callback(store.Current).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A subscriber's failure is its own (Blazor components dispatch it to their circuit);
                    // it must not stop notifications to it or to anyone else.
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

using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Every version the store publishes after <see cref="Start"/>, each exactly once and in order; dispose to stop.
/// The queue is unbounded: the store coalesces versions (<see cref="SnapshotOptions.PublishDelay"/>), so a reader
/// that keeps up with the database keeps up with it, and skipping a version would lose a change.
/// </summary>
public sealed class ChangeFeed : IDisposable
{
    private readonly SnapshotStore _store;
    private readonly Channel<SnapshotChange> _changes =
        Channel.CreateUnbounded<SnapshotChange>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    internal ChangeFeed(SnapshotStore store, Snapshot start)
    {
        _store = store;
        Start = start;
    }

    /// <summary>The version current when the feed was opened; the first change read is the one after it.</summary>
    public Snapshot Start { get; }

    /// <summary>Changes as they are published, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public IAsyncEnumerable<SnapshotChange> ReadAllAsync(CancellationToken cancellationToken) => _changes.Reader.ReadAllAsync(cancellationToken);

    /// <summary>A change already published and not yet read (for draining at stop).</summary>
    public bool TryRead([MaybeNullWhen(false)] out SnapshotChange change) => _changes.Reader.TryRead(out change);

    /// <summary>Called by the store under its lock, so changes are queued in version order.</summary>
    internal void Write(SnapshotChange change) => _changes.Writer.TryWrite(change);

    public void Dispose()
    {
        _store.Close(this);
        _changes.Writer.TryComplete();
    }
}

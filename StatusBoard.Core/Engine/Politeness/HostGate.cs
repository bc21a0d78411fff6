using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>
/// Politeness per upstream host (host:port): at most <see cref="EngineOptions.MaxRequestsPerHost"/> requests in
/// flight, starts at least <see cref="EngineOptions.HostSpacing"/> apart, and none at all while the host asked us to
/// wait (Retry-After). Many services on one platform host therefore arrive as a trickle, never as a burst.
/// </summary>
internal sealed class HostGate(TimeProvider time, IOptions<EngineOptions> options)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private EngineOptions _options => options.Value; // Read per use: an appsettings.json edit applies from the next request on.

    public static string KeyOf(Uri url) => url.Authority;

    /// <summary>Until when the host asked not to be called, if that is still in the future.</summary>
    public DateTimeOffset? BlockedUntil(Uri url)
    {
        var host = Get(url);
        lock (host.Lock)
        {
            return host.BlockedUntil is { } until && until > time.GetUtcNow() ? until : null;
        }
    }

    /// <summary>Honours a Retry-After: no request to this host before <paramref name="until"/>.</summary>
    public void Block(Uri url, DateTimeOffset until)
    {
        var host = Get(url);
        lock (host.Lock)
        {
            if (host.BlockedUntil is not { } current || until > current)
            {
                host.BlockedUntil = until;
            }
        }
    }

    /// <summary>Waits for a slot and the spacing; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = Get(url);
        await host.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DateTimeOffset start;
            lock (host.Lock)
            {
                var now = time.GetUtcNow();
                start = host.NextStart > now ? host.NextStart : now;
                host.NextStart = start + _options.HostSpacing;
            }
            var wait = start - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            return new Slot(host.Slots);
        }
        catch
        {
            host.Slots.Release();
            throw;
        }
    }

    private HostState Get(Uri url) => _hosts.GetOrAdd(KeyOf(url), _ => new HostState(Math.Max(1, _options.MaxRequestsPerHost)));

    private sealed class HostState(int slots)
    {
        public readonly SemaphoreSlim Slots = new(slots);
        public readonly Lock Lock = new();
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
        public DateTimeOffset? BlockedUntil;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Engine;

/// <summary>The global cap on upstream requests in flight (<see cref="EngineOptions.MaxConcurrentRequests"/>), shared by polls and probes.</summary>
internal sealed class RequestSlots(IOptions<EngineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRequests);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

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

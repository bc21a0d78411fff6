using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace StatusBoard.Benchmarks;

/// <summary>
/// Diagnostic for the circuits benchmark (<c>STATUSBOARD_RENT_TRACE=1</c>): who rents large arrays (100 kB and more)
/// from <see cref="System.Buffers.ArrayPool{T}.Shared"/> while the circuits open. The shared pool keeps returned arrays,
/// so they count in the managed heap after a full GC. EventListener callbacks run on the renting thread, hence the stack.
/// </summary>
public sealed class RentTrace : EventListener
{
    private readonly ConcurrentDictionary<string, int> _stacks = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "System.Buffers.ArrayPoolEventSource")
        {
            EnableEvents(eventSource, EventLevel.Verbose);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not ("BufferRented" or "BufferAllocated") || eventData.Payload is not { Count: > 1 } payload
            || Convert.ToInt32(payload[1], System.Globalization.CultureInfo.InvariantCulture) is var size && size < 100_000)
        {
            return;
        }
        var frames = Environment.StackTrace.Split('\n')
            .Where(line => !line.Contains("System.Diagnostics.Tracing", StringComparison.Ordinal) && !line.Contains(nameof(RentTrace), StringComparison.Ordinal)
                && !line.Contains("System.Environment", StringComparison.Ordinal))
            .Take(12);
        _stacks.AddOrUpdate($"{eventData.EventName} {size}\n{string.Join('\n', frames)}", 1, (_, count) => count + 1);
    }

    public void Print()
    {
        foreach (var (stack, count) in _stacks.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine($"==== x{count} {stack}\n");
        }
    }
}

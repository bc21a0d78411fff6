using Microsoft.AspNetCore.Components.Server.Circuits;

namespace StatusBoard.Web.Circuits;

/// <summary>Counts live Blazor circuits: the light view and the metrics read it.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _live;

    public int Live => Volatile.Read(ref _live);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _live);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _live);
        return Task.CompletedTask;
    }
}

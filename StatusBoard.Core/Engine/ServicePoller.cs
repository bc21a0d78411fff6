using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Polls one service once: read the upstream (<see cref="ServiceReader"/>), probe it if the entry asks, compose the
/// new status (<see cref="StatusComposer"/>) and hand it to the store. Logs one line per real level change
/// (a first reading that finds the service operational is not one).
/// </summary>
internal sealed partial class ServicePoller(
    ServiceReader reader,
    ProbeRunner probes,
    StatusComposer composer,
    SnapshotStore store,
    IOptions<CatalogOptions> catalog,
    TimeProvider time,
    ILogger<ServicePoller> logger)
{
    public async Task<ServiceStatus> PollAsync(ServiceDefinition service, CancellationToken cancellationToken)
    {
        var reading = await reader.ReadAsync(service, catalog.Value.IntervalOf(service), cancellationToken).ConfigureAwait(false);
        var observed = reading.Outcome != ReadingOutcome.Held && service.Probe is { } probe
            ? await probes.ProbeAsync(service, probe, cancellationToken).ConfigureAwait(false)
            : null;
        // Read after the request, and pending included: a poll that waited behind a slow one (or a host's queue)
        // must build on the reading just before it, not on an older published one (LastChangedAt, flap damping).
        var previous = store.Latest(service.Id);
        var status = composer.Compose(service, previous, reading, observed, time.GetUtcNow());
        var before = previous?.Status ?? StatusLevel.Unknown;
        if (previous?.CheckedAt is null && status.Status == StatusLevel.Operational)
        {
            // A first reading that finds the service healthy is no news: 190 such lines would bury the problems.
            LogFirstReading(logger, service.Id, status.Status);
        }
        else if (status.Status != before)
        {
            LogLevelChanged(logger, service.Id, before, status.Status, status.Error ?? status.Summary);
        }
        store.Apply(status);
        return status;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ServiceId}: first reading {Level}")]
    private static partial void LogFirstReading(ILogger logger, string serviceId, StatusLevel level);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: {From} -> {To} ({Reason})")]
    private static partial void LogLevelChanged(ILogger logger, string serviceId, StatusLevel from, StatusLevel to, string? reason);
}

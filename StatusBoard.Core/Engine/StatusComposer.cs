using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Turns a poll's <see cref="Reading"/> into the service's next <see cref="ServiceStatus"/>: flap damping, stale,
/// unknown with a reason, LastChangedAt. Pure: no I/O and no clock of its own, so it is tested on plain records.
/// </summary>
internal sealed class StatusComposer(IOptions<EngineOptions> options)
{
    private const string OfflineNote = "StatusBoard is offline";

    public ServiceStatus Compose(ServiceDefinition service, ServiceStatus? previous, Reading reading, ObservedStatus? observed, DateTimeOffset now) =>
        reading.Outcome switch
        {
            ReadingOutcome.Understood => Fresh(service, previous, reading, observed, now),
            ReadingOutcome.Failed => Failed(service, previous, reading, observed, now),
            _ => Hold(service, previous, reading, now),
        };

    private static bool Known(ServiceStatus? previous) => previous is { CheckedAt: not null } && previous.Status != StatusLevel.Unknown;

    private static ServiceStatus Fresh(ServiceDefinition service, ServiceStatus? previous, Reading reading, ObservedStatus? observed, DateTimeOffset now)
    {
        var parsed = reading.Status;
        var level = parsed?.Level ?? StatusLevel.Unknown;
        return new ServiceStatus(
            service.Id, service.Name, service.Category, level,
            parsed?.Summary ?? reading.Error,
            now,
            ChangedAt(previous, level, now),
            Milliseconds(reading.Elapsed),
            reading.Error,
            service.StatusPageUrl,
            parsed?.Components ?? [],
            parsed?.Incidents ?? [],
            parsed?.Maintenances ?? [],
            Observed: observed ?? previous?.Observed);
    }

    /// <summary>
    /// Flap damping: a service with a known level keeps it, marked stale, until <see cref="EngineOptions.FailuresBeforeUnknown"/>
    /// polls failed in a row — and for as long as StatusBoard itself is offline. Then it is unknown, with the reason.
    /// </summary>
    private ServiceStatus Failed(ServiceDefinition service, ServiceStatus? previous, Reading reading, ObservedStatus? observed, DateTimeOffset now)
    {
        var since = reading.FailingSince ?? previous?.FailingSince ?? now;
        var reason = reading.Error!;
        if (Known(previous) && (reading.ConsecutiveFailures < options.Value.FailuresBeforeUnknown || reading.OurNetwork))
        {
            return previous! with { Stale = true, FailingSince = since, Error = reason, Observed = observed ?? previous.Observed };
        }
        var summary = reading.OurNetwork
            ? $"{reason} ({OfflineNote}; this service has no earlier reading to keep)"
            : reading.ConsecutiveFailures > 1 ? $"{reason} (failing since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC)" : reason;
        return Unknown(service, previous, since, reason, summary, Milliseconds(reading.Elapsed), observed, now);
    }

    /// <summary>No request was made: keep what is known, say why.</summary>
    private static ServiceStatus Hold(ServiceDefinition service, ServiceStatus? previous, Reading reading, DateTimeOffset now)
    {
        var since = reading.FailingSince ?? previous?.FailingSince;
        var reason = reading.Error!;
        return Known(previous)
            ? previous! with { Stale = true, FailingSince = since, Error = reason }
            : Unknown(service, previous, since ?? now, reason, reason, previous?.ResponseTimeMs, previous?.Observed, now);
    }

    private static ServiceStatus Unknown(ServiceDefinition service, ServiceStatus? previous, DateTimeOffset since, string reason, string summary,
        int? responseTimeMs, ObservedStatus? observed, DateTimeOffset now) =>
        new(service.Id, service.Name, service.Category, StatusLevel.Unknown, summary, now,
            ChangedAt(previous, StatusLevel.Unknown, now),
            responseTimeMs, reason, service.StatusPageUrl, [], [], [],
            FailingSince: since, Observed: observed ?? previous?.Observed);

    private static DateTimeOffset ChangedAt(ServiceStatus? previous, StatusLevel level, DateTimeOffset now) =>
        previous?.CheckedAt is null || previous.Status != level ? now : previous.LastChangedAt ?? now;

    private static int? Milliseconds(TimeSpan? elapsed) => elapsed is { } e ? (int)Math.Round(e.TotalMilliseconds) : null;
}

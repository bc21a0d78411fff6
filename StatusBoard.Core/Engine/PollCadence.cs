using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine;

/// <summary>
/// When a service is polled next: at <see cref="EngineOptions.IncidentPollInterval"/> while its latest reading shows
/// an incident or a non-operational level (updates and recovery show sooner), else at its own interval.
/// </summary>
internal static class PollCadence
{
    public static TimeSpan IntervalAfter(ServiceStatus status, TimeSpan interval, TimeSpan incidentInterval) =>
        Watched(status) && incidentInterval < interval ? incidentInterval : interval;

    /// <summary>
    /// Only a current, understood reading speeds polling up. A failing, held or stale one (a 429, an open breaker,
    /// our own network down) keeps the normal interval, so Retry-After, the backoff and "offline" still rule; and
    /// unknown means we could not read the page, which polling harder would not fix.
    /// </summary>
    private static bool Watched(ServiceStatus status) =>
        !status.Stale
        && status.FailingSince is null
        && (status.Incidents.Count > 0 || status.Status is not (StatusLevel.Operational or StatusLevel.Unknown));
}

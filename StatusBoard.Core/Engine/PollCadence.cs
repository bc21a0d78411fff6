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
    /// How long a new cluster leader waits before its first poll of a service: until the interval after the previous
    /// leader's last check comes due, so a takeover costs the upstream no extra round. The last check is the later of
    /// the shown reading's and the one the leader announced after its last poll. Never checked, or stale: now.
    /// </summary>
    public static TimeSpan ResumeWait(ServiceStatus? shown, DateTimeOffset? lastCheckHeard, TimeSpan interval, TimeSpan incidentInterval,
        DateTimeOffset now)
    {
        if (shown is null || shown.Stale || Later(shown.CheckedAt, lastCheckHeard) is not { } checkedAt)
        {
            return TimeSpan.Zero;
        }
        var wait = checkedAt + IntervalAfter(shown, interval, incidentInterval) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a > b || b is null ? a : b;

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

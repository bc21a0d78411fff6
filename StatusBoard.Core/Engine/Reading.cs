using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>How one poll went, as plain data: everything the composer needs to decide the service's new status.</summary>
/// <param name="Outcome">Whether the upstream was understood, failed, or was not asked.</param>
/// <param name="Status">What was understood; null when the poll failed, was held, or the entry's filter matched nothing.</param>
/// <param name="Error">Why it failed or was held, or what in the entry matched nothing.</param>
/// <param name="ConsecutiveFailures">Failed polls in a row (counted against the upstream).</param>
/// <param name="OurNetwork">A network-level failure while StatusBoard itself is offline: it says nothing about the upstream.</param>
internal sealed record Reading(
    ReadingOutcome Outcome,
    ParsedStatus? Status,
    string? Error,
    TimeSpan? Elapsed,
    int ConsecutiveFailures = 0,
    DateTimeOffset? FailingSince = null,
    bool OurNetwork = false)
{
    public static Reading Understood(ProviderResult result, TimeSpan elapsed) => new(ReadingOutcome.Understood, result.Status, result.Error, elapsed);

    public static Reading Failed(string error, TimeSpan elapsed, int failures, DateTimeOffset? since, bool ourNetwork) =>
        new(ReadingOutcome.Failed, null, error, elapsed, failures, since, ourNetwork);

    public static Reading Held(string reason, int failures, DateTimeOffset? since) =>
        new(ReadingOutcome.Held, null, reason, null, failures, since);
}

/// <summary>Understood: a reading to show. Failed: fetch or parse failed. Held: no request (breaker open or Retry-After).</summary>
internal enum ReadingOutcome
{
    Understood,
    Failed,
    Held,
}

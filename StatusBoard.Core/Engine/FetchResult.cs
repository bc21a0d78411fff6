using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>The outcome of one upstream request: a payload (any HTTP status) or why there is none.</summary>
/// <see cref="NetworkFailure"/>: no HTTP answer at all (refused, DNS, unreachable, timed out) — the kind of failure
/// that is ours when it happens to most services at once.
internal sealed record FetchResult(FetchedPayload? Payload, string? Error, TimeSpan Elapsed, bool NetworkFailure = false)
{
    public static FetchResult Ok(FetchedPayload payload) => new(payload, null, payload.Elapsed);

    public static FetchResult Fail(string error, TimeSpan elapsed, bool network = false) => new(null, error, elapsed, network);
}

using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>The outcome of one upstream request: a payload (any HTTP status) or why there is none.</summary>
public sealed record FetchResult(FetchedPayload? Payload, string? Error, TimeSpan Elapsed)
{
    public static FetchResult Ok(FetchedPayload payload) => new(payload, null, payload.Elapsed);

    public static FetchResult Fail(string error, TimeSpan elapsed) => new(null, error, elapsed);
}

using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>
/// What the engine remembers about one catalog entry's polled URL between polls. Each entry has its own (two entries
/// on one URL do not share it), so it is touched only by that entry's loop and needs no lock.
/// </summary>
internal sealed class EndpointState
{
    /// <summary>Validators of the last understood 200, sent back as If-None-Match / If-Modified-Since.</summary>
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    /// <summary>
    /// The last understood 200 (body, content type, headers). A 304 means these bytes are unchanged, not that their
    /// meaning is: verdicts that depend on the time (an RSS window, a maintenance in progress) are read again.
    /// </summary>
    public FetchedPayload? LastPayload { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>While in the future the breaker is open: no request until then, then one probe.</summary>
    public DateTimeOffset? OpenUntil { get; set; }
}

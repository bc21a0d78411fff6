using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine.Politeness;

/// <summary>What the engine remembers about one polled URL between polls. Touched only by that service's loop.</summary>
public sealed class EndpointState
{
    /// <summary>Validators of the last 200, sent back as If-None-Match / If-Modified-Since.</summary>
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    /// <summary>What the last 200 meant; a 304 means it still holds.</summary>
    public ProviderResult? LastResult { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>While in the future the breaker is open: no request until then, then one probe.</summary>
    public DateTimeOffset? OpenUntil { get; set; }
}

namespace StatusBoard.Core.Providers;

/// <summary>What the fetcher got from an upstream: the input of every provider. Providers never do I/O.</summary>
public sealed record FetchedPayload(
    Uri Url,
    int StatusCode,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    TimeSpan Elapsed)
{
    /// <summary>Response headers the probe or a provider may need (names compared case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

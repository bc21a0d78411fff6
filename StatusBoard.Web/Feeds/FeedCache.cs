using System.Collections.Concurrent;

namespace StatusBoard.Web.Feeds;

/// <summary>Feeds made once per snapshot version, feed kind, filter and base address; shared by every reader.</summary>
public sealed class FeedCache
{
    // Keys are bounded by the catalog (unknown filters answer 404 before reaching here) but also carry the Host header:
    // a client sending many hosts only empties the cache.
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<string, FeedDocument> _documents = new(StringComparer.Ordinal);

    public FeedDocument Get(string key, long version, Func<byte[]> build)
    {
        if (_documents.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return cached;
        }
        var document = FeedDocument.Of(version, build());
        if (_documents.Count >= MaxEntries)
        {
            _documents.Clear();
        }
        _documents[key] = document;
        return document;
    }
}

using Microsoft.Net.Http.Headers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// Picks a document's precompressed bytes when the client accepts them (brotli, then gzip). Only whole documents
/// are compressed: one service's JSON is about a kilobyte, where compression does not pay.
/// </summary>
public static class ResponseEncoding
{
    /// <summary>The body, its ETag and its <c>Content-Encoding</c> (null: identity).</summary>
    public static (ReadOnlyMemory<byte> Body, string ETag, string? Encoding) Choose(HttpRequest request, PrecomputedJson document)
    {
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            return (document.Json, document.ETag, null);
        }
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (Accepts(accepted, "br"))
        {
            return (document.Compressed.Brotli, document.Compressed.BrotliETag, "br");
        }
        if (Accepts(accepted, "gzip"))
        {
            return (document.Compressed.Gzip, document.Compressed.GzipETag, "gzip");
        }
        return (document.Json, document.ETag, null);
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding) =>
        accepted.Any(value => value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0);
}

using Microsoft.Net.Http.Headers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// Picks the snapshot's precompressed bytes when the client accepts them (brotli, then gzip). Only the whole
/// snapshot is compressed: one service's JSON is about a kilobyte, where compression does not pay.
/// </summary>
public static class ResponseEncoding
{
    public static (ReadOnlyMemory<byte> Body, string? Encoding) Choose(HttpRequest request, Snapshot snapshot)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        if (Accepts(accepted, "br"))
        {
            return (snapshot.Compressed.Brotli, "br");
        }
        if (Accepts(accepted, "gzip"))
        {
            return (snapshot.Compressed.Gzip, "gzip");
        }
        return (snapshot.Json, null);
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding) =>
        accepted.Any(value => value.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0);
}

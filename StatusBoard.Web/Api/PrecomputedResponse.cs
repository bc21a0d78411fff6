using Microsoft.Extensions.Primitives;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// Writes bytes made once per version (the snapshot, its summary, a board, one service) with their ETag, or 304.
/// The hot path allocates nothing of its own: header values are constants or strings made with the version.
/// </summary>
public static class PrecomputedResponse
{
    private static readonly StringValues s_json = "application/json; charset=utf-8";
    private static readonly StringValues s_noCache = "no-cache";
    private static readonly StringValues s_varyEncoding = "Accept-Encoding";
    private static readonly StringValues s_br = "br";
    private static readonly StringValues s_gzip = "gzip";

    /// <summary>A whole document, in the encoding the client prefers (each with its own strong ETag).</summary>
    public static Task WriteAsync(HttpContext context, PrecomputedJson document)
    {
        var (body, etag, encoding) = ResponseEncoding.Choose(context.Request, document);
        var headers = context.Response.Headers;
        headers.Vary = s_varyEncoding;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding == "br" ? s_br : s_gzip;
        }
        return WriteAsync(context, etag, body);
    }

    /// <summary>Bytes that are never compressed (a board, one service: a few kilobytes at most).</summary>
    public static Task WriteAsync(HttpContext context, string etag, ReadOnlyMemory<byte> json)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = s_noCache;
        if (ConditionalGet.IsNotModified(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.Headers.ContentType = s_json;
        response.ContentLength = json.Length;
        // Response.Body, not BodyWriter: a HEAD request has swapped the body for Stream.Null (HeadRequests).
        return response.Body.WriteAsync(json).AsTask();
    }
}

using System.IO.Compression;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// A JSON document compressed once per version, on first request: 130 kB of status JSON shrinks to about a tenth,
/// and every later client that accepts the encoding gets the same bytes without compressing again. Each encoding
/// has its own strong ETag (the bytes differ), made here once instead of per request.
/// </summary>
public sealed class CompressedJson(ReadOnlyMemory<byte> json, string etag)
{
    private readonly Lazy<byte[]> _brotli = new(() => Compress(json, s => new BrotliStream(s, CompressionLevel.Fastest)));
    private readonly Lazy<byte[]> _gzip = new(() => Compress(json, s => new GZipStream(s, CompressionLevel.Fastest)));

    public ReadOnlyMemory<byte> Brotli => _brotli.Value;

    public ReadOnlyMemory<byte> Gzip => _gzip.Value;

    /// <summary>The uncompressed document's ETag with <c>-br</c> before the closing quote.</summary>
    public string BrotliETag { get; } = etag.Insert(etag.Length - 1, "-br");

    /// <summary>The uncompressed document's ETag with <c>-gzip</c> before the closing quote.</summary>
    public string GzipETag { get; } = etag.Insert(etag.Length - 1, "-gzip");

    private static byte[] Compress(ReadOnlyMemory<byte> json, Func<Stream, Stream> encoder)
    {
        var output = new MemoryStream(json.Length / 6 + 64);
        using (var stream = encoder(output))
        {
            stream.Write(json.Span);
        }
        return output.ToArray();
    }
}

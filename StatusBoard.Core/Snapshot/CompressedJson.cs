using System.IO.Compression;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// A snapshot's JSON compressed once per version, on first request: 130 kB of status JSON shrinks to about a tenth,
/// and every later client that accepts the encoding gets the same bytes without compressing again.
/// </summary>
public sealed class CompressedJson(ReadOnlyMemory<byte> json)
{
    private readonly Lazy<byte[]> _brotli = new(() => Compress(json, s => new BrotliStream(s, CompressionLevel.Fastest)));
    private readonly Lazy<byte[]> _gzip = new(() => Compress(json, s => new GZipStream(s, CompressionLevel.Fastest)));

    public ReadOnlyMemory<byte> Brotli => _brotli.Value;

    public ReadOnlyMemory<byte> Gzip => _gzip.Value;

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

using System.Security.Cryptography;

namespace StatusBoard.Web.Feeds;

/// <summary>One rendered feed: its bytes and a strong ETag of them, made for one snapshot version.</summary>
public sealed record FeedDocument(long Version, byte[] Bytes, string ETag)
{
    // A hash of the content, not the version: a version that changes nothing this feed shows still answers 304.
    public static FeedDocument Of(long version, byte[] bytes) =>
        new(version, bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"");
}

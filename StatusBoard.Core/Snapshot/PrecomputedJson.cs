namespace StatusBoard.Core.Snapshot;

/// <summary>A JSON document served as-is: its bytes, strong ETag and compressed forms, each made once per version.</summary>
public sealed class PrecomputedJson(ReadOnlyMemory<byte> json, string etag)
{
    public ReadOnlyMemory<byte> Json { get; } = json;

    public string ETag { get; } = etag;

    public CompressedJson Compressed { get; } = new(json, etag);
}

using System.Buffers.Binary;
using System.Text;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// One version as the cluster's leader publishes it: its event id, version, the document, the compact view and the
/// delta from <see cref="DeltaBase"/> (empty when none) — every byte other nodes serve, so they never serialize.
/// </summary>
public sealed record PublishedSnapshot(string EventId, long Version, long DeltaBase, ReadOnlyMemory<byte> Json,
    ReadOnlyMemory<byte> Summary, ReadOnlyMemory<byte> DeltaEvent)
{
    // A format tag first: a node of another build that cannot read a frame says so instead of serving garbage.
    private static ReadOnlySpan<byte> Tag => "SB1"u8;

    /// <summary>Tag, then version and delta base (8 bytes each), then the id, document, summary and delta, each length-prefixed.</summary>
    public byte[] Encode()
    {
        var id = Encoding.UTF8.GetBytes(EventId);
        var frame = new byte[Tag.Length + 16 + 16 + id.Length + Json.Length + Summary.Length + DeltaEvent.Length];
        var at = Put(frame, 0, Tag);
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(at), Version);
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(at + 8), DeltaBase);
        at += 16;
        foreach (var part in new[] { id, Json, Summary, DeltaEvent })
        {
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(at), part.Length);
            at = Put(frame, at + 4, part.Span);
        }
        return frame;
    }

    /// <summary>Null when <paramref name="frame"/> is not a frame of this format.</summary>
    public static PublishedSnapshot? Decode(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        if (span.Length < Tag.Length + 16 || !span.StartsWith(Tag))
        {
            return null;
        }
        var at = Tag.Length;
        var version = BinaryPrimitives.ReadInt64BigEndian(span[at..]);
        var deltaBase = BinaryPrimitives.ReadInt64BigEndian(span[(at + 8)..]);
        at += 16;
        var parts = new ReadOnlyMemory<byte>[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (span.Length - at < 4)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(span[at..]);
            if (length < 0 || length > span.Length - at - 4)
            {
                return null;
            }
            parts[i] = frame.Slice(at + 4, length);
            at += 4 + length;
        }
        return new PublishedSnapshot(Encoding.UTF8.GetString(parts[0].Span), version, deltaBase, parts[1], parts[2], parts[3]);
    }

    private static int Put(byte[] frame, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(frame.AsSpan(at));
        return at + bytes.Length;
    }
}

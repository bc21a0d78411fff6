using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Boards;

/// <summary>
/// <c>/api/status?board={id}</c>'s bytes: the same shape as the whole snapshot, for the board's services, made once
/// per (snapshot version, board) and shared by every request, so serving never serializes.
/// </summary>
public sealed class BoardStatusJson(SnapshotStore store)
{
    private Generation? _current;

    /// <summary>The board's JSON and strong ETag for the current snapshot.</summary>
    public BoardJson For(BoardView board)
    {
        var snapshot = store.Current;
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (generation is not null && ReferenceEquals(generation.Snapshot, snapshot))
            {
                return generation.Boards.GetOrAdd(board, static (view, s) => new Lazy<BoardJson>(() => Build(s, view)), snapshot).Value;
            }
            if (generation is not null && generation.Snapshot.Version > snapshot.Version)
            {
                snapshot = generation.Snapshot; // another request already moved on to a newer version
                continue;
            }
            // One generation per version, even when requests race to retire the old one: only one swap wins.
            Interlocked.CompareExchange(ref _current, new Generation(snapshot), generation);
        }
    }

    private static BoardJson Build(Snapshot snapshot, BoardView board)
    {
        var output = new MemoryStream(4096);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", snapshot.Version);
            writer.WriteString("generatedAt", snapshot.GeneratedAt);
            writer.WritePropertyName("offline");
            JsonSerializer.Serialize(writer, snapshot.Offline, SnapshotJsonContext.Default.Connectivity);
            writer.WriteStartArray("services");
            foreach (var service in board.Select(snapshot.Services))
            {
                // Each service's JSON was made with the snapshot: copied, not serialized again.
                writer.WriteRawValue(snapshot.FindJson(service.Id)!.Value.Span, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var json = output.ToArray();
        var etag = "\"" + snapshot.EventId + "-board-" + Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8)) + "\"";
        return new BoardJson(json, etag);
    }

    /// <summary>Keyed by the view instance: a reloaded board is a new view, so it never gets the old bytes.</summary>
    private sealed class Generation(Snapshot snapshot)
    {
        public Snapshot Snapshot { get; } = snapshot;

        public ConcurrentDictionary<BoardView, Lazy<BoardJson>> Boards { get; } = new();
    }
}

/// <summary>One board's precomputed JSON and its strong ETag.</summary>
public sealed record BoardJson(ReadOnlyMemory<byte> Json, string ETag);

using Microsoft.AspNetCore.Http.Features;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// <c>/api/status/stream</c>: Server-Sent Events, the full snapshot first and then one event per new version.
/// Default mode: every event is the whole snapshot (<c>event: snapshot</c>). <c>?mode=delta</c>: after the first
/// snapshot, each version is an <c>event: delta</c> from the version the client holds (the one before, or a few
/// before when it was busy and skipped some: <see cref="Snapshot.DeltaFrom"/>); a client further behind gets a full
/// <c>event: snapshot</c>, so a delta always applies to what the client holds.
/// Every client writes the same per-version bytes; a slow client skips versions instead of slowing others.
/// </summary>
public static class StreamApi
{
    public const string DeltaMode = "delta";

    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status/stream", StreamAsync)
            .RequireCors(WebServiceCollectionExtensions.OpenReadPolicy)
            .RequireSseAdmission()
            .WithName("StreamStatus")
            .WithSummary("Server-Sent Events: one 'snapshot' event per version; ?mode=delta: a snapshot, then one 'delta' per version.")
            .WithTags("Status")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    public static async Task StreamAsync(HttpContext context, SnapshotStore store, string? mode = null)
    {
        if (mode is not (null or DeltaMode))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown stream mode",
                detail: $"mode '{mode}' is not one of: {DeltaMode} (or no mode for whole snapshots).").ExecuteAsync(context);
            return;
        }
        var cancellationToken = context.RequestAborted;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (HeadRequests.IsHead(context))
        {
            return; // headers only: an uptime check must not hang on a stream
        }

        // Only the very snapshot the client has is skipped: same run (instance) and same version.
        var lastSeen = context.Request.Headers["Last-Event-ID"].ToString();
        var deltas = mode is DeltaMode;
        long held = 0; // the version this client holds (0: none yet)
        try
        {
            await response.Body.FlushAsync(cancellationToken);
            await foreach (var snapshot in store.WatchAsync(cancellationToken))
            {
                // A reconnecting client that already has this version gets no duplicate.
                if (string.Equals(snapshot.EventId, lastSeen, StringComparison.Ordinal))
                {
                    held = snapshot.Version;
                    continue;
                }
                var bytes = EventFor(snapshot, held, deltas);
                lastSeen = snapshot.EventId;
                held = snapshot.Version;
                // One call writes and flushes; the bytes are the snapshot's, shared by every client.
                await response.BodyWriter.WriteAsync(bytes, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>
    /// The event for a client that holds version <paramref name="held"/> (0: nothing yet): a delta from exactly that
    /// version, otherwise the whole snapshot (first event, default mode, or too far behind).
    /// </summary>
    public static ReadOnlyMemory<byte> EventFor(Snapshot snapshot, long held, bool deltas) =>
        deltas && held != 0 && snapshot.DeltaFrom(held) is { } delta ? delta : snapshot.SseEvent;
}

using Microsoft.AspNetCore.Http.Features;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// <c>/api/status/stream</c>: Server-Sent Events, the full snapshot first and then one event per new version.
/// Every client writes the same per-version bytes; a slow client skips versions instead of slowing others.
/// </summary>
public static class StreamApi
{
    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status/stream", StreamAsync)
            .RequireCors(WebServiceCollectionExtensions.OpenReadPolicy)
            .WithName("StreamStatus")
            .WithSummary("Server-Sent Events: one 'snapshot' event per version.")
            .WithTags("Status")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return endpoints;
    }

    public static async Task StreamAsync(HttpContext context, SnapshotStore store)
    {
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
        try
        {
            await response.Body.FlushAsync(cancellationToken);
            await foreach (var snapshot in store.WatchAsync(cancellationToken))
            {
                // A reconnecting client that already has this version gets no duplicate.
                if (string.Equals(snapshot.EventId, lastSeen, StringComparison.Ordinal))
                {
                    continue;
                }
                lastSeen = snapshot.EventId;
                await response.Body.WriteAsync(snapshot.SseEvent, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}

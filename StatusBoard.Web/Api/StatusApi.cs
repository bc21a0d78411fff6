using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;

namespace StatusBoard.Web.Api;

/// <summary><c>/api/status</c>: the current snapshot as precomputed JSON bytes, with ETag/304.</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/status").RequireCors(WebServiceCollectionExtensions.OpenReadPolicy).WithTags("Status");
        group.MapGet("/", GetSnapshot).WithName("GetStatus").WithSummary("Every service's current status.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/{id}", GetService).WithName("GetServiceStatus").WithSummary("One service's current status.")
            .Produces<ServiceStatus>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static IResult GetSnapshot(HttpContext context, SnapshotStore store, BoardCatalog boards, BoardStatusJson boardJson, string? board = null)
    {
        if (board is not null)
        {
            return GetBoard(context, board, boards, boardJson);
        }
        var snapshot = store.Current;
        context.Response.Headers.Vary = "Accept-Encoding";
        var (json, encoding) = ResponseEncoding.Choose(context.Request, snapshot);
        if (encoding is null)
        {
            return Precomputed(context, snapshot.ETag, json);
        }
        // Each representation has its own strong ETag: the bytes differ.
        context.Response.Headers.ContentEncoding = encoding;
        return Precomputed(context, snapshot.ETag.Insert(snapshot.ETag.Length - 1, "-" + encoding), json);
    }

    /// <summary><c>?board={id}</c>: the board's bytes, made once per (version, board) and shared by every request.</summary>
    private static IResult GetBoard(HttpContext context, string id, BoardCatalog boards, BoardStatusJson boardJson)
    {
        if (boards.Find(id) is not { } view)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown board",
                detail: $"No board with id '{id}' is configured (StatusBoard:Boards).");
        }
        var json = boardJson.For(view);
        return Precomputed(context, json.ETag, json.Json);
    }

    public static IResult GetService(string id, HttpContext context, SnapshotStore store)
    {
        var snapshot = store.Current;
        if (snapshot.FindJson(id) is not { } json)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown service",
                detail: $"No service with id '{id}' is in the catalog.");
        }
        var etag = snapshot.ETag.Insert(snapshot.ETag.Length - 1, "-" + id);
        return Precomputed(context, etag, json);
    }

    private static IResult Precomputed(HttpContext context, string etag, ReadOnlyMemory<byte> json)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        if (ConditionalGet.IsNotModified(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return new JsonBytesResult(json);
    }

    /// <summary>Writes bytes that were serialized when the snapshot was made.</summary>
    private sealed class JsonBytesResult(ReadOnlyMemory<byte> json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = json.Length;
            return httpContext.Response.Body.WriteAsync(json).AsTask();
        }
    }
}

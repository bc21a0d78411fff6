using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Api;

/// <summary>
/// <c>/api/status</c>: the current snapshot as precomputed JSON bytes, with ETag/304. The endpoints short-circuit
/// (nothing after routing runs for them) and apply CORS themselves: serving is a copy of bytes, and the
/// middleware they do not need cost more than that.
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var api = new ApiServices(endpoints.ServiceProvider);
        var group = endpoints.MapGroup("/api/status").WithTags("Status");
        group.MapGet("/", (HttpContext context, string? board) => GetSnapshotAsync(context, api, board))
            .WithName("GetStatus").WithSummary("Every service's current status (?board= for one team board).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound).ShortCircuit();
        group.MapGet("/{id}", (HttpContext context, string id) => GetServiceAsync(context, api, id))
            .WithName("GetServiceStatus").WithSummary("One service's current status.")
            .Produces<ServiceStatus>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
            .ShortCircuit();
        // A Func, not a RequestDelegate: a delegate endpoint is described in the OpenAPI document.
        group.MapGet("/summary", (Func<HttpContext, Task>)(context => GetSummaryAsync(context, api)))
            .WithName("GetStatusSummary")
            .WithSummary("Compact view: version, generatedAt, offline and per service id, name, category, status, summary, checkedAt, stale.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified)
            .ShortCircuit();
        return endpoints;
    }

    public static Task GetSnapshotAsync(HttpContext context, ApiServices api, string? board)
    {
        api.ApplyCors(context);
        if (board is not null)
        {
            return GetBoardAsync(context, api, board);
        }
        return PrecomputedResponse.WriteAsync(context, api.Store.Current.Document);
    }

    /// <summary>The compact view, serialized once per version and shared (see <see cref="Snapshot.Summary"/>).</summary>
    public static Task GetSummaryAsync(HttpContext context, ApiServices api)
    {
        api.ApplyCors(context);
        return PrecomputedResponse.WriteAsync(context, api.Store.Current.Summary);
    }

    /// <summary><c>?board={id}</c>: the board's bytes, made once per (version, board) and shared by every request.</summary>
    private static Task GetBoardAsync(HttpContext context, ApiServices api, string id)
    {
        if (api.Boards.Find(id) is not { } view)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown board",
                detail: $"No board with id '{id}' is configured (StatusBoard:Boards).").ExecuteAsync(context);
        }
        var json = api.BoardJson.For(view);
        return PrecomputedResponse.WriteAsync(context, json.ETag, json.Json);
    }

    public static Task GetServiceAsync(HttpContext context, ApiServices api, string id)
    {
        api.ApplyCors(context);
        var snapshot = api.Store.Current;
        if (snapshot.FindJson(id) is not { } json)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown service",
                detail: $"No service with id '{id}' is in the catalog.").ExecuteAsync(context);
        }
        var etag = snapshot.ETag.Insert(snapshot.ETag.Length - 1, "-" + id);
        return PrecomputedResponse.WriteAsync(context, etag, json);
    }
}

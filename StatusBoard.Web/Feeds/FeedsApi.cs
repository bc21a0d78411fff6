using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Api;
using StatusBoard.Web.Boards;

namespace StatusBoard.Web.Feeds;

/// <summary>
/// Feeds to subscribe to: <c>/feed.atom</c> (incidents and maintenance, with recently resolved incidents from the
/// history) and <c>/maintenance.ics</c> (maintenance windows). Both filter by <c>?category=</c>, <c>?board=</c>,
/// <c>?service=</c>, are made once per snapshot version and filter, and answer <c>If-None-Match</c> with 304.
/// </summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireCors(WebServiceCollectionExtensions.OpenReadPolicy).WithTags("Feeds");
        group.MapGet("/feed.atom", GetAtomFeed).WithName("GetIncidentFeed")
            .WithSummary("Atom feed of incidents and maintenance (one entry per incident, its updates as content), optionally filtered.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/maintenance.ics", GetMaintenanceCalendar).WithName("GetMaintenanceCalendar")
            .WithSummary("iCalendar of upcoming and in-progress maintenance windows, optionally filtered.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static IResult GetAtomFeed(string? category, string? board, string? service, HttpContext context,
        SnapshotStore store, BoardCatalog boards, HistoryQueries history, FeedCache cache, ILoggerFactory loggers)
    {
        var snapshot = store.Current;
        var (selection, problem) = FeedSelection.Resolve(category, board, service, snapshot, boards);
        if (selection is null)
        {
            return problem!;
        }
        var baseUrl = BaseUrl(context);
        var document = cache.Get($"atom|{baseUrl}|{selection.Key}", snapshot.Version, () =>
        {
            var entries = FeedEntries.Collect(selection.Services, history, loggers.CreateLogger(typeof(FeedsApi).FullName!));
            var self = new Uri(baseUrl, "feed.atom" + context.Request.QueryString);
            return AtomFeed.Build(selection, entries, baseUrl, self, snapshot.GeneratedAt);
        });
        return Serve(context, document, AtomFeed.ContentType);
    }

    public static IResult GetMaintenanceCalendar(string? category, string? board, string? service, HttpContext context,
        SnapshotStore store, BoardCatalog boards, FeedCache cache, TimeProvider time)
    {
        var snapshot = store.Current;
        var (selection, problem) = FeedSelection.Resolve(category, board, service, snapshot, boards);
        if (selection is null)
        {
            return problem!;
        }
        var baseUrl = BaseUrl(context);
        var document = cache.Get($"ics|{baseUrl}|{selection.Key}", snapshot.Version,
            () => MaintenanceCalendar.Build(selection, baseUrl, time.GetUtcNow()));
        return Serve(context, document, MaintenanceCalendar.ContentType);
    }

    private static Uri BaseUrl(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");

    private static IResult Serve(HttpContext context, FeedDocument document, string contentType)
    {
        var headers = context.Response.Headers;
        headers.ETag = document.ETag;
        // Revalidate every time: the 304 costs nothing and a reader never shows a stale outage.
        headers.CacheControl = "no-cache";
        if (ConditionalGet.IsNotModified(context.Request, document.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(document.Bytes, contentType);
    }
}

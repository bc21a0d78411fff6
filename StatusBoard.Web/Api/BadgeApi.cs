using System.Security.Cryptography;
using System.Text;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Api;

/// <summary>
/// Shields-style SVG badges of the current level, for READMEs and wikis:
/// <c>/badge/{id}.svg</c> (one service), <c>/badge/category/{name}.svg</c> (the worst of a category) and
/// <c>/badge/board/{id}.svg</c> (the worst of a team board).
/// ETag-cached: an unchanged badge answers 304.
/// </summary>
public static class BadgeApi
{
    public static IEndpointRouteBuilder MapBadgeApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/badge").RequireCors(WebServiceCollectionExtensions.OpenReadPolicy).WithTags("Badges");
        group.MapGet("/{id}.svg", GetServiceBadge).WithName("GetServiceBadge").WithSummary("SVG badge of one service's level.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/category/{name}.svg", GetCategoryBadge).WithName("GetCategoryBadge").WithSummary("SVG badge of a category's worst level.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/board/{id}.svg", GetBoardBadge).WithName("GetBoardBadge").WithSummary("SVG badge of a team board's worst level.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static IResult GetServiceBadge(string id, HttpContext context, SnapshotStore store)
    {
        if (store.Current.Find(id) is not { } service)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown service",
                detail: $"No service with id '{id}' is in the catalog.");
        }
        var message = LevelWording.ToLabel(service.Status).ToLowerInvariant() + (service.Stale ? " (stale)" : "");
        return Svg(context, BadgeSvg.Render(service.Name, message, service.Status));
    }

    public static IResult GetCategoryBadge(string name, HttpContext context, SnapshotStore store)
    {
        var services = store.Current.Services.Where(s => string.Equals(s.Category, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (services.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown category",
                detail: $"No service in the catalog has the category '{name}'.");
        }
        return WorstOf(context, services[0].Category, services);
    }

    public static IResult GetBoardBadge(string id, HttpContext context, SnapshotStore store, BoardCatalog boards)
    {
        if (boards.Find(id) is not { } board)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown board",
                detail: $"No board with id '{id}' is configured (StatusBoard:Boards).");
        }
        return WorstOf(context, board.Title, board.Select(store.Current.Services));
    }

    /// <summary>A group's badge: its worst level and how many of its services have a problem.</summary>
    private static IResult WorstOf(HttpContext context, string label, IReadOnlyList<ServiceStatus> services)
    {
        var problems = services.Where(s => s.Status.IsProblem()).ToArray();
        // A board whose services are not in the catalog (yet) says so, in grey, rather than a green "operational".
        var worst = services.Count == 0 ? StatusLevel.Unknown
            : problems.Aggregate(StatusLevel.Operational, (level, s) => StatusLevels.Worst(level, s.Status));
        var message = problems.Length switch
        {
            0 => services.Count == 0 ? "no services" : "operational",
            1 => $"1 problem: {LevelWording.ToLabel(worst).ToLowerInvariant()}",
            _ => $"{problems.Length} problems: worst {LevelWording.ToLabel(worst).ToLowerInvariant()}",
        };
        return Svg(context, BadgeSvg.Render(label, message, worst));
    }

    private static IResult Svg(HttpContext context, string svg)
    {
        var bytes = Encoding.UTF8.GetBytes(svg);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        // Revalidate every time: a badge must not show yesterday's outage, and a 304 costs nothing.
        headers.CacheControl = "no-cache";
        if (ConditionalGet.IsNotModified(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(bytes, "image/svg+xml; charset=utf-8");
    }
}

using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;

namespace StatusBoard.Web.Feeds;

/// <summary>The services a feed covers (<c>?category=</c>, <c>?board=</c>, <c>?service=</c>, together narrowing), its title and cache key.</summary>
public sealed record FeedSelection(string Title, string Key, IReadOnlyList<ServiceStatus> Services)
{
    /// <summary>The selection, or the 404 problem of the first filter that names nothing.</summary>
    public static (FeedSelection? Selection, IResult? Problem) Resolve(string? category, string? board, string? service, Snapshot snapshot, BoardCatalog boards)
    {
        IEnumerable<ServiceStatus> services = snapshot.Services;
        var title = "all services";
        if (!string.IsNullOrWhiteSpace(board))
        {
            if (boards.Find(board.Trim()) is not { } view)
            {
                return (null, NotFound("Unknown board", $"No board with id '{board}' is configured (StatusBoard:Boards)."));
            }
            services = view.Select(services);
            title = view.Title;
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            var name = category.Trim();
            if (!snapshot.Services.Any(s => string.Equals(s.Category, name, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, NotFound("Unknown category", $"No service in the catalog has the category '{name}'."));
            }
            services = services.Where(s => string.Equals(s.Category, name, StringComparison.OrdinalIgnoreCase));
            title = title == "all services" ? name : $"{title}, {name}";
        }
        if (!string.IsNullOrWhiteSpace(service))
        {
            if (snapshot.Find(service.Trim()) is not { } one)
            {
                return (null, NotFound("Unknown service", $"No service with id '{service}' is in the catalog."));
            }
            services = services.Where(s => s.Id == one.Id);
            title = one.Name;
        }
        var key = $"{board?.Trim()}|{category?.Trim().ToLowerInvariant()}|{service?.Trim()}";
        return (new FeedSelection("StatusBoard: " + title, key, services.ToArray()), null);
    }

    private static IResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;

namespace StatusBoard.Web.Api;

/// <summary>
/// The singletons the hot API endpoints use, taken from the root provider on first use: a request then creates no
/// service scope. Not resolved at map time, because the catalog is validated after the app is built (StartupGuard).
/// </summary>
public sealed class ApiServices(IServiceProvider root)
{
    private SnapshotStore? _store;
    private BoardCatalog? _boards;
    private BoardStatusJson? _boardJson;
    private (ICorsService Service, CorsPolicy Policy)? _cors;

    public SnapshotStore Store => _store ??= root.GetRequiredService<SnapshotStore>();

    public BoardCatalog Boards => _boards ??= root.GetRequiredService<BoardCatalog>();

    public BoardStatusJson BoardJson => _boardJson ??= root.GetRequiredService<BoardStatusJson>();

    /// <summary>
    /// The open-read CORS policy, applied by the endpoint itself: short-circuited endpoints skip the CORS middleware
    /// (and every other middleware after routing). A request without <c>Origin</c> costs one header lookup.
    /// </summary>
    public void ApplyCors(HttpContext context)
    {
        if (context.Request.Headers.Origin.Count == 0)
        {
            return;
        }
        var (service, policy) = _cors ??= (root.GetRequiredService<ICorsService>(),
            root.GetRequiredService<IOptions<CorsOptions>>().Value.GetPolicy(WebServiceCollectionExtensions.OpenReadPolicy)!);
        service.ApplyResult(service.EvaluatePolicy(context, policy), context.Response);
    }
}

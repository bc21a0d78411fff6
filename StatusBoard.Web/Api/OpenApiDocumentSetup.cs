using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StatusBoard.Web.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: every public endpoint with its responses. Minimal-API routes
/// describe themselves (<c>Produces…</c>); the operational endpoints (health checks, Prometheus) are not route
/// handlers, so they are added here by hand.
/// </summary>
public static class OpenApiDocumentSetup
{
    public static IServiceCollection AddStatusBoardOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "StatusBoard",
                Version = "v1",
                Description = "The live health of third-party services, normalized from their official status pages. Read-only; CORS open for GET.",
            };
            document.Paths ??= new OpenApiPaths();
            document.Paths["/healthz"] = Operation("Health", "Health checks as JSON (engine, history); detail such as database paths only for loopback or the operator key.",
                ("200", "Healthy or Degraded"), ("503", "Unhealthy"));
            document.Paths["/metrics"] = Operation("Operations", "Prometheus text format: fetch outcomes, levels, snapshot version, SSE clients, circuits.",
                ("200", "Metrics in the Prometheus exposition format"));
            return Task.CompletedTask;
        }));

    private static OpenApiPathItem Operation(string tag, string summary, params (string Status, string Description)[] responses)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(tag) },
            Responses = new OpenApiResponses(),
        };
        foreach (var (status, description) in responses)
        {
            operation.Responses[status] = new OpenApiResponse { Description = description };
        }
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StatusBoard.Web.Components.Light;

namespace StatusBoard.Web.Circuits;

/// <summary>
/// Serves the dashboard as static HTML that updates itself from <c>/api/status/stream</c> once
/// <see cref="LightViewOptions.MaxCircuits"/> circuits are live, so a crowd during a big outage costs one SSE
/// connection per viewer instead of a circuit. <c>/light</c> always serves it.
/// </summary>
public static class LightViewMiddleware
{
    public const string Path = "/light";

    public static WebApplication UseLightViewWhenBusy(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/" && IsBusy(context.RequestServices))
            {
                context.Response.Headers.CacheControl = "no-store";
                await new RazorComponentResult<LightPage>().ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.MapGet(Path, () => new RazorComponentResult<LightPage>());
        return app;
    }

    private static bool IsBusy(IServiceProvider services) =>
        services.GetRequiredService<CircuitCounter>().Live >= services.GetRequiredService<IOptions<LightViewOptions>>().Value.MaxCircuits;
}

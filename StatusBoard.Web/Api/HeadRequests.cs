namespace StatusBoard.Web.Api;

/// <summary>
/// HEAD wherever GET works (uptime checkers use HEAD): a HEAD request is routed as GET and its body is discarded,
/// so every endpoint answers the same status and headers without a second handler. Streams ask
/// <see cref="IsHead"/> and end after their headers.
/// </summary>
public static class HeadRequests
{
    private static readonly object s_marker = new();

    /// <summary>Must run before routing, so the rewritten method selects the GET endpoint.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        context.Items[s_marker] = true;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>True when the client asked for headers only.</summary>
    public static bool IsHead(HttpContext context) => context.Items.ContainsKey(s_marker);
}

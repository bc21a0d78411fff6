using Microsoft.AspNetCore.Mvc;

namespace StatusBoard.Web.Api;

/// <summary>
/// The answer to an unhandled exception outside Development: ProblemDetails for API clients, a short page for
/// browsers. The exception itself is only logged (by the exception handler middleware), never sent.
/// </summary>
public static class ErrorResponse
{
    public const string Title = "Something went wrong on our side";

    private const string Page = $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>StatusBoard: error</title></head>
        <body><main><h1>{Title}</h1><p>The error is logged. <a href="/">Back to the board</a></p></main></body></html>
        """;

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = Title, Detail = "The error is logged; try again in a moment." },
        });
        if (!written)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        }
    }
}

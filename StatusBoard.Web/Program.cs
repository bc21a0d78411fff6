using StatusBoard.Web;
using StatusBoard.Web.Api;
using StatusBoard.Web.Circuits;
using StatusBoard.Web.Commands;
using StatusBoard.Web.Operations;
using StatusBoard.Web.Components;
using StatusBoard.Web.Feeds;
using StatusBoard.Web.Hosting;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = StatusBoardBuilder.Create(args);
SocketTransportTuning.ApplyInlineCompletions(builder.Configuration);
var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponse.WriteAsync });
}
app.UseHeadAsGet();
app.UseRouting(); // explicit: after the HEAD rewrite, so HEAD selects the GET endpoint
app.UseThreadPoolForAppWork(); // the short-circuited API stays on the socket thread; everything else leaves it
app.UseCors();
app.UseRateLimiter(); // the event streams' caps (SseAdmission); the short-circuited API never gets here
app.UseAntiforgery();
app.MapStaticAssets();
app.MapStatusApi();
app.MapStreamApi();
app.MapBadgeApi();
app.MapHistoryApi();
app.MapFeeds();
app.UseLightViewWhenBusy();
app.MapOperations();
app.MapOpenApi(); // /openapi/v1.json
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

return await StartupGuard.RunAsync(app);

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

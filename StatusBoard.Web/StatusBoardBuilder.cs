using StatusBoard.Core;
using StatusBoard.Web.Api;
using StatusBoard.Web.Demo;
using StatusBoard.Web.Hosting;
using StatusBoard.Web.Operations;

namespace StatusBoard.Web;

/// <summary>Builds the app's services from the command line: shared by the server and the commands, so both see the same configuration.</summary>
public static class StatusBoardBuilder
{
    public static WebApplicationBuilder Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(DemoMode.MapSwitch(args));
        builder.Services.AddStatusBoardCore(builder.Configuration);
        builder.Services.AddStatusBoardWeb(builder.Configuration);
        builder.Services.AddStatusBoardSse(builder.Configuration);
        builder.Services.AddStatusBoardOperations();
        builder.Services.AddStatusBoardOpenApi();
        builder.Services.AddStatusBoardDemo();
        builder.Services.AddStatusBoardSocketTransport(builder.Configuration);
        return builder;
    }
}

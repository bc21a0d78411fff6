using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;
using StatusBoard.Core.Configuration;
using StatusBoard.Web.Boards;
using StatusBoard.Web.Circuits;
using StatusBoard.Web.Feeds;
using StatusBoard.Web.Notifications;

namespace StatusBoard.Web;

/// <summary>Registers the dashboard, the API's CORS policy and the Blazor Server runtime.</summary>
public static class WebServiceCollectionExtensions
{
    public const string OpenReadPolicy = "open-read";

    public static IServiceCollection AddStatusBoardWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<StatusBoard.Web.Components.History.RecentStrips>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusBoard.Web.Components.History.RecentStrips>());
        services.AddSingleton<StatusBoard.Web.Components.Tiles.ITileStrips>(sp => sp.GetRequiredService<StatusBoard.Web.Components.History.RecentStrips>());
        services.AddSingleton<StatusBoard.Web.Components.Tiles.TileMarkupCache>();
        services.AddStatusBoardBoards(configuration);
        services.AddStatusBoardFeeds(configuration);
        services.AddNotificationsPage();
        services.AddProblemDetails();
        services.AddSingleton<CircuitCounter>();
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        services.AddOptions<LightViewOptions>()
            .BindReporting(configuration.GetSection("StatusBoard"))
            .Validate(o => o.MaxCircuits >= 0, "StatusBoard:MaxCircuits must be 0 or more.")
            .ValidateOnStart();
        services.AddCors(options => options.AddPolicy(OpenReadPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET").WithExposedHeaders("ETag")));
        return services;
    }
}

using MudBlazor.Services;

namespace StatusBoard.Web;

/// <summary>Registers the dashboard, the API's CORS policy and the Blazor Server runtime.</summary>
public static class WebServiceCollectionExtensions
{
    public const string OpenReadPolicy = "open-read";

    public static IServiceCollection AddStatusBoardWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddCors(options => options.AddPolicy(OpenReadPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET").WithExposedHeaders("ETag")));
        return services;
    }
}

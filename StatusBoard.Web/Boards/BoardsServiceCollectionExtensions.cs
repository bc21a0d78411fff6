using Microsoft.Extensions.Options;
using StatusBoard.Core.Configuration;

namespace StatusBoard.Web.Boards;

/// <summary>Registers team boards: their options (validated at start, reloaded on change), the running boards and their JSON.</summary>
public static class BoardsServiceCollectionExtensions
{
    public static IServiceCollection AddStatusBoardBoards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardsOptions>()
            .BindReporting(configuration.GetSection(BoardsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BoardsOptions>, ValidateBoardsOptions>();
        services.AddSingleton<BoardCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardCatalog>());
        services.AddSingleton<BoardStatusJson>();
        services.AddSingleton<StatusBoard.Core.Notifications.IBoardMembership, BoardMembership>();
        return services;
    }
}

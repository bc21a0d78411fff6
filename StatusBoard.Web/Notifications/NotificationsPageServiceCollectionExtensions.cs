namespace StatusBoard.Web.Notifications;

/// <summary>Registers what the operators' /notifications page reads.</summary>
public static class NotificationsPageServiceCollectionExtensions
{
    public static IServiceCollection AddNotificationsPage(this IServiceCollection services)
    {
        // In a circuit the accessor holds the connection's request: its peer address decides operator access.
        services.AddHttpContextAccessor();
        services.AddSingleton<RouteOverview>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Configuration;
using StatusBoard.Core.Notifications.Channels;

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>Registers the channels, the outbox sender and its settings.</summary>
public static class NotificationDeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationDeliveryOptions>()
            .BindReporting(configuration.GetSection(NotificationDeliveryOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationDeliveryOptions>, ValidateNotificationDeliveryOptions>();
        services.AddHttpClient(WebhookPoster.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // the poster's deadline rules
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The factory's loggers write each request's URL, and a webhook URL is a secret.
            .RemoveAllLoggers();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<INotificationChannel, SlackChannel>();
        services.AddSingleton<INotificationChannel, DiscordChannel>();
        services.AddSingleton<INotificationChannel, TeamsChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, NtfyChannel>();
        services.AddSingleton<ChannelRegistry>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DeliveryHealth>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;

namespace StatusBoard.Tests.Notifications.Channels;

/// <summary>The channels as the app registers them (own HttpClient, the delivery settings given), on a fake clock.</summary>
public static class ChannelHost
{
    public static (INotificationChannel Channel, FakeTimeProvider Time) Create(string kind, Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(TestMessages.At);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddNotificationDelivery(configuration)
            .BuildServiceProvider();
        return (services.GetRequiredService<ChannelRegistry>().Find(kind)!, time);
    }

    public static NotificationRoute Route(string kind, string? url, string? secret = null) =>
        new() { Name = "ops", Channel = kind, Url = url, Secret = secret };
}

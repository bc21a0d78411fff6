using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Commands;

/// <summary>
/// <c>notify-test ROUTE</c>: sends one test message through the route now (straight through its channel, not the
/// outbox), prints the outcome and exits 0 when it was delivered, 1 otherwise. Starts no server; the only way to
/// make StatusBoard send on demand, and it needs a shell on the machine.
/// </summary>
public static class NotifyTestCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (operands, configuration) = CommandLine.Split(args);
        if (operands.Length != 1)
        {
            await error.WriteLineAsync("usage: notify-test ROUTE [--Key=value ...]   (the name of one StatusBoard:Notifications:Routes entry)");
            return 1;
        }
        var builder = StatusBoardBuilder.Create(configuration);
        builder.Logging.ClearProviders();
        using var app = builder.Build();
        if (!StartupGuard.Validate(app, error))
        {
            return 1;
        }
        var notifications = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var route = notifications.Routes.FirstOrDefault(r => r.Name == operands[0]);
        if (route is null)
        {
            var known = notifications.Routes.Count == 0 ? "none configured" : string.Join(", ", notifications.Routes.Select(r => r.Name));
            await error.WriteLineAsync($"unknown route '{operands[0]}'; known routes: {known}");
            return 1;
        }
        if (app.Services.GetRequiredService<ChannelRegistry>().Find(route.Channel) is not { } channel)
        {
            await error.WriteLineAsync($"route '{route.Name}' has channel '{route.Channel}', which is not one of the channels");
            return 1;
        }
        var outcome = await channel.SendAsync(route, Message(route, notifications.PublicUrl, app.Services.GetRequiredService<TimeProvider>()), cancellationToken);
        var line = $"route {route.Name} ({route.Channel}): {outcome.Result.ToString().ToLowerInvariant()} ({outcome.Detail})";
        await (outcome.Result == DeliveryResult.Delivered ? output : error).WriteLineAsync(line);
        return outcome.Result == DeliveryResult.Delivered ? 0 : 1;
    }

    private static NotificationMessage Message(NotificationRoute route, string? publicUrl, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var e = new NotificationEvent(NotificationEventKind.LevelChanged, "statusboard-test", "StatusBoard test", "test",
            StatusLevel.Operational, StatusLevel.Operational, now, LatestUpdate: "A test sent with notify-test; no service changed.");
        return new NotificationMessage($"test:{route.Name}:{Guid.NewGuid():N}", route.Name, $"StatusBoard test message for route {route.Name}",
            StatusLevel.Operational, false, [e], now, publicUrl);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Configuration;
using StatusBoard.Core.Notifications.Rules;

namespace StatusBoard.Core.Notifications;

/// <summary>Registers the notification settings (validated at start and on reload) and the rules that turn changes into outbox messages.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddStatusBoardNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NotificationOptions.SectionName);
        services.AddOptions<NotificationOptions>()
            .BindReporting(section)
            .Configure(options => BindRoutes(section.GetSection("Routes"), options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, ValidateNotificationOptions>();
        services.TryAddSingleton<IBoardMembership, NoBoards>();
        services.AddSingleton<NotificationRules>();
        return services;
    }

    /// <summary>Route by route, so a value that does not convert is reported with its own key instead of failing the whole list.</summary>
    private static void BindRoutes(IConfigurationSection routes, NotificationOptions options)
    {
        options.Routes.Clear();
        options.BindProblems.Clear();
        foreach (var child in routes.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var route = new NotificationRoute();
            // minLevel is written by its API name (partial_outage), which the plain binder does not know.
            var minLevel = child.GetChildren().FirstOrDefault(c => c.Key.Equals(nameof(NotificationRoute.MinLevel), StringComparison.OrdinalIgnoreCase));
            var boundMinLevel = $"{child.Path}:{nameof(NotificationRoute.MinLevel)} ";
            foreach (var problem in ReportingBinder.Bind(child, route))
            {
                if (!problem.StartsWith(boundMinLevel, StringComparison.OrdinalIgnoreCase))
                {
                    options.BindProblems.Add(problem);
                }
            }
            if (minLevel?.Value is { } raw)
            {
                if (Snapshot.StatusLevels.TryParseApiName(raw, out var level) || Enum.TryParse(raw, ignoreCase: true, out level))
                {
                    route.MinLevel = level;
                }
                else
                {
                    options.BindProblems.Add($"{minLevel.Path} '{raw}' is not one of: " +
                        string.Join(", ", Enum.GetValues<Snapshot.StatusLevel>().Select(l => Snapshot.StatusLevels.ToApiName(l))) + ".");
                }
            }
            options.Routes.Add(route);
        }
    }
}

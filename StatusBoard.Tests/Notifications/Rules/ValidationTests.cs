using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>Bad notification settings fail with one message per problem, each naming its key.</summary>
public sealed class ValidationTests
{
    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings, params INotificationChannel[] channels)
    {
        var services = new ServiceCollection();
        foreach (var channel in channels)
        {
            services.AddSingleton(channel);
        }
        services.AddStatusBoardNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    [Fact]
    public void ValidRoute_WithApiLevelNameAndQuietHours_HasNoProblems() =>
        Problems(RulesBench.OneRoute(("minLevel", "partial_outage"), ("quietHours:from", "22:00"), ("quietHours:until", "07:00"),
            ("quietHours:timeZone", "America/New_York"), ("services:0", "github*"))).Should().BeEmpty();

    [Fact]
    public void UnknownChannel_WithoutRegisteredChannels_NamesTheKeyAndTheSixKinds() =>
        Problems(RulesBench.OneRoute(("channel", "pager"))).Should().ContainSingle().Which.Should().Be(
            "StatusBoard:Notifications:Routes:0:channel 'pager' is not one of: slack, discord, teams, webhook, email, ntfy.");

    [Fact]
    public void RegisteredChannels_DecideTheKinds_AndValidateTheirRoutes() =>
        Problems(RulesBench.OneRoute(), new UrlRequired("slack")).Should().ContainSingle().Which.Should().Be(
            "StatusBoard:Notifications:Routes:0:url must be https");

    [Fact]
    public void EveryProblemAtOnce_EachNamingItsKey()
    {
        // Arrange
        var settings = RulesBench.OneRoute(("minLevel", "broken"), ("events:0", "LevelChanged"), ("events:1", "Sometimes"),
            ("quietHours:from", "22:00"), ("quietHours:until", "07:00"), ("quietHours:timeZone", "Mars/Olympus"));
        settings["StatusBoard:Notifications:Routes:1:name"] = "TEAM";
        settings["StatusBoard:Notifications:Routes:1:channel"] = "ntfy";
        settings["StatusBoard:Notifications:Routes:2:channel"] = "ntfy";
        settings["StatusBoard:Notifications:Routes:2:includeUnknown"] = "maybe";
        settings["StatusBoard:Notifications:HoldFor"] = "soon";
        settings["StatusBoard:Notifications:WaveThreshold"] = "1";
        settings["StatusBoard:Notifications:PublicUrl"] = "status.example.com";

        // Act
        var problems = Problems(settings);

        // Assert
        problems.Should().BeEquivalentTo(
            "StatusBoard:Notifications:HoldFor 'soon' is not a time span such as 00:00:05 (hh:mm:ss) or 1.00:00:00 (one day).",
            "StatusBoard:Notifications:WaveThreshold must be at least 2 (it is 1).",
            "StatusBoard:Notifications:PublicUrl 'status.example.com' is not an absolute http(s) URL.",
            "StatusBoard:Notifications:Routes:0:minLevel 'broken' is not one of: operational, degraded, partial_outage, major_outage, maintenance, unknown.",
            "StatusBoard:Notifications:Routes:0:events:1 'Sometimes' is not one of: " + string.Join(", ", Enum.GetNames<NotificationEventKind>()) + ".",
            "StatusBoard:Notifications:Routes:0:quietHours:timeZone 'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Berlin).",
            "StatusBoard:Notifications:Routes:1:name 'TEAM' is used by another route; route names must be unique.",
            "StatusBoard:Notifications:Routes:2:IncludeUnknown 'maybe' is not true or false.",
            "StatusBoard:Notifications:Routes:2:name is required (a route's name keys its messages and its deliveries).");
    }

    private sealed class UrlRequired(string kind) : INotificationChannel
    {
        public string Kind => kind;

        public IEnumerable<string> Validate(NotificationRoute route, string key) =>
            route.Url?.StartsWith("https://", StringComparison.Ordinal) == true ? [] : [$"{key}:url must be https"];

        public Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(DeliveryOutcome.Rejected("validation only"));
    }
}

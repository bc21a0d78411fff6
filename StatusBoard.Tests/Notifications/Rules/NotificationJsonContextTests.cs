using System.Text.Json;
using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

public sealed class NotificationJsonContextTests
{
    [Fact]
    public void Message_RoundTrips_WithApiLevelNamesAndKindNames()
    {
        // Arrange
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);
        var message = new NotificationMessage("k1", "ops", "GitHub: partial outage", StatusLevel.PartialOutage, false,
            [new NotificationEvent(NotificationEventKind.IncidentOpened, "github", "GitHub", "Dev", StatusLevel.Operational,
                StatusLevel.PartialOutage, at, IncidentId: "inc1", IncidentTitle: "Actions delays")], at, "https://board.test");

        // Act
        var json = JsonSerializer.Serialize(message, NotificationJsonContext.Default.NotificationMessage);
        var back = JsonSerializer.Deserialize(json, NotificationJsonContext.Default.NotificationMessage)!;

        // Assert
        json.Should().Contain("\"level\":\"partial_outage\"").And.Contain("\"kind\":\"IncidentOpened\"").And.NotContain("latestUpdate");
        back.Should().BeEquivalentTo(message);
    }
}

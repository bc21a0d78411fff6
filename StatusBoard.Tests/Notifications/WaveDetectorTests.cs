using FluentAssertions;
using StatusBoard.Core.Notifications.Waves;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications;

public sealed class WaveDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static WaveMember Member(string name, string category, int minute, string text = "", StatusLevel level = StatusLevel.Degraded) =>
        new(name.ToLowerInvariant(), name, category, level, T0.AddMinutes(minute), text);

    [Fact]
    public void Find_ThresholdReachedAcrossCategories_ListsMembersInTheOrderTheyChanged()
    {
        var wave = WaveDetector.Find(
            [Member("Vercel", "Cloud & Hosting", 3), Member("GitHub Actions", "Code & CI", 1), Member("npm", "Package Registries", 2)],
            threshold: 3);

        wave.Should().NotBeNull();
        wave!.Members.Select(m => m.ServiceName).Should().Equal("GitHub Actions", "npm", "Vercel");
        wave.Headline().Should().Be("3 services degraded: GitHub Actions, npm, Vercel");
    }

    [Fact]
    public void Find_BelowThreshold_OrOneCategory_OrUnknownAndMaintenance_IsNoWave()
    {
        WaveDetector.Find([Member("A", "x", 1), Member("B", "y", 2)], threshold: 3).Should().BeNull();
        WaveDetector.Find([Member("A", "x", 1), Member("B", "x", 2), Member("C", "x", 3)], threshold: 3).Should().BeNull();
        WaveDetector.Find(
            [Member("A", "x", 1), Member("B", "y", 2, level: StatusLevel.Unknown), Member("C", "z", 3, level: StatusLevel.Maintenance)],
            threshold: 2).Should().BeNull();
    }

    [Fact]
    public void Banner_CountsWhoMentionsTheSameProvider_NotTheProvidersOwnPage()
    {
        var wave = WaveDetector.Find(
            [
                Member("GitHub Actions", "Code & CI", 1, "Delays caused by an Azure networking issue"),
                Member("npm", "Package Registries", 2, "Elevated errors"),
                Member("Vercel", "Cloud & hosting", 3, "Builds slow: upstream AZURE degradation"),
                Member("Azure", "Cloud & Hosting", 4, "Azure Front Door degraded"),
                Member("Slack", "Communication", 5, "Investigating"),
            ],
            threshold: 5);

        wave!.Banner(TimeSpan.FromMinutes(10)).Should().Be(
            "5 services degraded in the last 10 minutes: GitHub Actions, npm, Vercel, … — 2 of them mention Azure");
    }

    [Fact]
    public void Mentions_AcronymsMatchByCaseAndWholeWordOnly()
    {
        var wave = WaveDetector.Find(
            [Member("A", "x", 1, "laws of physics"), Member("B", "y", 2, "aws is fine"), Member("C", "z", 3, "AWS us-east-1")],
            threshold: 3);

        wave!.Mentioned.Should().BeNull("only one member mentions AWS as a word in capitals");
    }

    [Fact]
    public void FindRecent_CountsOnlyChangesWithinTheWindow_AtDegradedOrWorse()
    {
        // Arrange: three recent failures in two categories, one failure from before the window, one recent recovery.
        ServiceStatus Status(string id, string category, StatusLevel level, int minutesAgo) =>
            ServiceStatus.Pending(id, id, category, null) with
            {
                Status = level, Error = null, CheckedAt = T0, LastChangedAt = T0.AddMinutes(-minutesAgo),
            };
        var services = new[]
        {
            Status("a", "x", StatusLevel.Degraded, 2), Status("b", "y", StatusLevel.MajorOutage, 5), Status("c", "x", StatusLevel.PartialOutage, 9),
            Status("old", "y", StatusLevel.MajorOutage, 11), Status("back", "z", StatusLevel.Operational, 1),
        };

        // Act
        var wave = WaveDetector.FindRecent(services, T0, TimeSpan.FromMinutes(10), threshold: 3);
        var tooStrict = WaveDetector.FindRecent(services, T0, TimeSpan.FromMinutes(10), threshold: 4);

        // Assert
        wave!.Members.Select(m => m.ServiceId).Should().Equal("c", "b", "a");
        tooStrict.Should().BeNull();
    }
}

using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.History;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.History;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Delivery;

/// <summary>The history commit that writes outbox rows wakes the sender: delivery does not wait for its poll.</summary>
public sealed class SenderWakeTests
{
    private const string PagePath = "/wake/api/v2/summary.json";

    [Fact]
    public async Task CommitWithOutboxRows_MessageArrives_WithoutTheSendersPollInterval()
    {
        // Arrange: the sender would look on its own only once a day of fake time; the clock only nudges the history flush
        await using var upstream = await FakeUpstream.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        upstream.Set(PagePath, StatuspageJson.Summary("critical", "major_outage"));
        var catalog = TestCatalog.Write([new TestCatalog.Entry("wake", upstream.Url(PagePath), Name: "Wake")]);
        await using var host = await EngineHost.StartAsync(catalog, new Dictionary<string, string?>
        {
            ["StatusBoard:Notifications:HoldFor"] = "00:00:00",
            ["StatusBoard:Notifications:GroupWindow"] = "00:00:00",
            ["StatusBoard:Notifications:PollInterval"] = "1.00:00:00",
            ["StatusBoard:Notifications:Routes:0:name"] = "team",
            ["StatusBoard:Notifications:Routes:0:channel"] = "slack",
            ["StatusBoard:Notifications:Routes:0:url"] = receiver.Url("/slack"),
        });
        await host.Store.WaitForAsync(s => s.Service("wake").Status == StatusLevel.MajorOutage);
        var health = host.Services.GetRequiredService<HistoryHealth>();

        // Act: step the clock only until the batch holding the outage's outbox row is committed, then stop it
        await HistoryTestKit.WaitForHistoryAsync(health, () => OutboxRows(host) > 0,
            "the outage's outbox row", between: () => host.Time.Advance(TimeSpan.FromSeconds(2)));
        var received = await receiver.WaitForAsync(1);

        // Assert
        received.Should().ContainSingle().Which.Json.GetProperty("text").GetString().Should().Be("Wake: major outage");
    }

    private static int OutboxRows(EngineHost host) =>
        host.Services.GetRequiredService<OutboxStore>().Recent("team", 10).Count; // any state: it may be delivered already
}

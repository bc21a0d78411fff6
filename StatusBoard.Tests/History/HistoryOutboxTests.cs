using StatusBoard.Core.History;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>The notifications outbox lives in the history database: the same rows and states on both stores.</summary>
public sealed class HistoryOutboxTests
{
    private static NotificationMessage Message(string key, string route, string at) =>
        new(key, route, "GitHub: partial outage", StatusLevel.PartialOutage, false, [], Utc(at), null);

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Outbox_QueuedOnceWithTheHistory_SentInOrderPerRoute_Counted(HistoryStoreKind kind)
    {
        // Arrange: two messages for "dev" and one for "ops" committed with the history; one decided twice.
        var database = (await TestHistoryStore.CreateAsync(kind)).Database();
        var batch = new HistoryBatch();
        batch.Outbox.AddRange([Message("k1", "dev", "2026-11-25T12:00:00Z"), Message("k2", "dev", "2026-11-25T12:01:00Z"),
            Message("k3", "ops", "2026-11-25T12:02:00Z")]);
        new HistoryWriter(database).Write(batch, Utc("2026-11-25T12:02:00Z"));
        var outbox = new OutboxStore(database);
        outbox.Enqueue(Message("k1", "dev", "2026-11-25T12:03:00Z"), Utc("2026-11-25T12:03:00Z"));

        // Act: the head of "dev" is retried, the head of "ops" delivered.
        var heads = outbox.RouteHeads();
        var dev = heads.Single(r => r.Route == "dev");
        outbox.MarkRetry(dev.Id, Utc("2026-11-25T12:04:00Z"), Utc("2026-11-25T12:05:00Z"), "retry (HTTP 503)");
        outbox.MarkDelivered(heads.Single(r => r.Route == "ops").Id, Utc("2026-11-25T12:04:00Z"), "delivered (HTTP 200)");

        // Assert
        heads.Select(r => r.IdempotencyKey).Should().BeEquivalentTo(["k1", "k3"], "each route's oldest pending message");
        outbox.Recent("dev", 10).Select(r => r.IdempotencyKey).Should().Equal(["k2", "k1"], "k1 was queued once");
        var retried = outbox.InState("dev", OutboxState.Pending, 10)[0];
        retried.Should().Match<OutboxRow>(r => r.IdempotencyKey == "k1" && r.Attempts == 1 && r.NextAttemptAt == Utc("2026-11-25T12:05:00Z")
            && r.LastResult == "retry (HTTP 503)" && r.DeliveredAt == null);
        OutboxStore.Read(retried)!.Title.Should().Be("GitHub: partial outage");
        outbox.InState("ops", OutboxState.Delivered, 10).Should().ContainSingle().Which.DeliveredAt.Should().Be(Utc("2026-11-25T12:04:00Z"));
        outbox.Counts().Should().BeEquivalentTo(new Dictionary<string, OutboxCounts> { ["dev"] = new(2, 0) });
    }
}

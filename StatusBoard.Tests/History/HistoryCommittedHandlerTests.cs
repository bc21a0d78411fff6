using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>A committed batch is committed: what a <c>Committed</c> handler does cannot make it be written again.</summary>
public sealed class HistoryCommittedHandlerTests
{
    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task ThrowingCommittedHandler_BatchIsNotWrittenTwice(HistoryStoreKind kind)
    {
        // Arrange
        var time = new FakeTimeProvider(Utc("2026-11-25T12:00:00Z"));
        using var store = TestStores.Create(time, ("svc", "Test"));
        var database = (await TestHistoryStore.CreateAsync(kind)).Database();
        var reader = new HistoryReader(database);
        using var recorder = new HistoryRecorder(store, new HistoryWriter(database), reader, new HistoryHealth(),
            Options.Create(new HistoryOptions()), time, NullLogger<HistoryRecorder>.Instance);
        recorder.Committed += _ => throw new InvalidOperationException("a subscriber's bug");
        await recorder.StartAsync(TestContext.Current.CancellationToken);
        await recorder.StartedAsync(TestContext.Current.CancellationToken);

        // Act: the change and the "stopped" transition are committed at stop; then another flush.
        store.Set(time, "svc", StatusLevel.MajorOutage, "Down");
        await recorder.StopAsync(TestContext.Current.CancellationToken);
        recorder.Flush();

        // Assert
        reader.Transitions("svc", Utc("2026-11-24T00:00:00Z")).Select(t => (t.From, t.To)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.MajorOutage), (StatusLevel.MajorOutage, StatusLevel.Unknown));
    }
}

using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.History;

/// <summary>While the database cannot be written, what waits for the retry is bounded.</summary>
public sealed class HistoryPendingCapTests
{
    [Fact]
    public void TrimOldest_DropsTheOldestTransitionsFirst()
    {
        var batch = new HistoryBatch();
        batch.Transitions.AddRange([
            Transition("a", "2026-11-25T10:00:00Z", StatusLevel.Unknown, StatusLevel.Operational),
            Transition("a", "2026-11-25T11:00:00Z", StatusLevel.Operational, StatusLevel.Degraded),
            Transition("a", "2026-11-25T12:00:00Z", StatusLevel.Degraded, StatusLevel.Operational),
        ]);
        batch.AddStored(StoredIncident("a", "i1", "2026-11-25T11:00:00Z", null));

        batch.TrimOldest(2).Should().Be(2);

        batch.Transitions.Select(t => t.At).Should().Equal(Utc("2026-11-25T12:00:00Z"));
        batch.Incidents.Should().ContainSingle();
        batch.TrimOldest(2).Should().Be(0);
    }

    [Fact]
    public async Task UnwritableDatabase_KeepsAtMostMaxPendingRows_AndCountsTheDropped()
    {
        // Arrange: the data "directory" is a file, so nothing can be written; three services give three transitions.
        var notADirectory = Path.Combine(TestData.NewDirectory(), "file");
        await File.WriteAllTextAsync(notADirectory, "not a folder", TestContext.Current.CancellationToken);
        await using var upstream = await FakeUpstream.StartAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            upstream.Set($"/{id}/api/v2/summary.json", StatuspageJson.Summary("none"));
        }
        var catalog = TestCatalog.Write(new[] { "a", "b", "c" }.Select(id => new TestCatalog.Entry(id, upstream.Url($"/{id}/api/v2/summary.json"))));
        await using var engine = await EngineHost.StartAsync(catalog, new Dictionary<string, string?>
        {
            ["StatusBoard:DataDirectory"] = notADirectory,
            ["StatusBoard:History:MaxPendingRows"] = "2",
        });
        await engine.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        var health = engine.Services.GetRequiredService<HistoryHealth>();

        // Act: the writer retries every flush interval (on the fake clock) until the rows it keeps pass the cap.
        await WaitForHistoryAsync(health, () => health.DroppedRows >= 1, "the oldest rows dropped beyond the cap",
            between: () => engine.Time.Advance(new HistoryOptions().FlushInterval));

        // Assert
        health.Healthy.Should().BeFalse();
        health.Pending.Should().BeLessThanOrEqualTo(2 + 3, "two rows plus at most one saved status per service");
        engine.Store.Current.Services.Should().OnlyContain(s => s.Status == StatusLevel.Operational, "the live board does not depend on the database");
    }
}

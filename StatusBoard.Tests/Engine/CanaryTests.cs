using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>"Is it them or is it me?" decided by the canary, whatever the canary does.</summary>
public sealed class CanaryTests
{
    private static readonly string[] Ids = ["a", "b", "c"];

    private static string RefusedCatalog(RefusingPort refusing) =>
        TestCatalog.Write(Ids.Select(id => new TestCatalog.Entry(id, refusing.Url($"/{id}/api/v2/summary.json"))));

    [Fact]
    public async Task HangingCanary_ShortRequestTimeout_EveryWaitingPollStillPublishesItsService()
    {
        // Arrange: three services refused (so the canary is asked) and a canary that accepts and never answers.
        using var refusing = new RefusingPort();
        await using var canary = new HangingServer();
        await using var engine = await EngineHost.StartAsync(RefusedCatalog(refusing), new Dictionary<string, string?>
        {
            ["StatusBoard:RequestTimeout"] = "00:00:01",
            ["StatusBoard:CanaryUrls:0"] = canary.Url.ToString(),
        });

        // Act: the canary request is out; its deadline passes on the fake clock.
        await canary.Accepted.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        engine.Time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await engine.Store.WaitForAsync(s => s.Offline is not null && s.Services.All(x => x.CheckedAt is not null));

        // Assert: the hanging canary counts as "no answer", and no poll was lost to it.
        snapshot.Services.Should().OnlyContain(s => s.Status == StatusLevel.Unknown && s.Error!.StartsWith("Connection refused"));
    }

    [Fact]
    public async Task CanaryAnswers_MostServicesFail_ItIsThem_NotOffline()
    {
        // Arrange: every service refused, but the canary (a local upstream) answers 204.
        using var refusing = new RefusingPort();
        await using var canary = await FakeUpstream.StartAsync();
        canary.SetStatus("/generate_204", 204);
        await using var engine = await EngineHost.StartAsync(RefusedCatalog(refusing), new Dictionary<string, string?>
        {
            ["StatusBoard:CanaryUrls:0"] = canary.Url("/generate_204").ToString(),
        });

        // Act
        await engine.WaitForCompletedPollsAsync(3);
        await canary.WaitForHitsAsync("/generate_204", 1);

        // Assert
        var snapshot = engine.Store.Current;
        snapshot.Offline.Should().BeNull("the internet answered, so the failures are the upstreams'");
        snapshot.Services.Should().OnlyContain(s => s.Status == StatusLevel.Unknown && s.Error == "Connection refused" && s.CheckedAt != null);
    }

    [Fact]
    public async Task CanaryAnswers_AskedOncePerRound_NotOncePerFailingPoll()
    {
        // Arrange
        using var refusing = new RefusingPort();
        await using var canary = await FakeUpstream.StartAsync();
        canary.SetStatus("/generate_204", 204);
        await using var engine = await EngineHost.StartAsync(RefusedCatalog(refusing), new Dictionary<string, string?>
        {
            ["StatusBoard:CanaryUrls:0"] = canary.Url("/generate_204").ToString(),
            ["StatusBoard:Jitter"] = "0",
        });
        await engine.WaitForCompletedPollsAsync(3);

        // Act: two more rounds in which all three services fail again.
        for (var round = 1; round <= 2; round++)
        {
            engine.Time.Advance(TimeSpan.FromMinutes(1));
            await engine.WaitForCompletedPollsAsync(3L * (round + 1));
        }

        // Assert
        canary.Hits("/generate_204").Should().Be(3, "one verdict per round holds for every failing poll of that round");
        engine.Store.Current.Offline.Should().BeNull();
    }
}

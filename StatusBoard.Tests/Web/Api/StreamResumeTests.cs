using Microsoft.Extensions.Time.Testing;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>Resuming an event stream with <c>Last-Event-ID</c> across a server restart.</summary>
public sealed class StreamResumeTests
{
    [Fact]
    public async Task Stream_LastEventIdFromAnEarlierRun_GetsTheNewRunsSnapshotAtOnce()
    {
        // Arrange: two runs of the app on the same catalog reach the same version number.
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("a", upstream.Url("/a/api/v2/summary.json"))]);
        var start = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        string oldId;
        long oldVersion;
        await using (var before = new StatusBoardApp(catalog, new FakeTimeProvider(start)))
        {
            _ = before.Server;
            oldVersion = (await before.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null))).Version;
            oldId = await FirstEventIdAsync(before);
        }
        await using var after = new StatusBoardApp(catalog, new FakeTimeProvider(start));
        _ = after.Server;
        await after.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        after.Store.Current.Version.Should().Be(oldVersion, "the restart counts versions from 1 again");

        // Act: the client resumes on the new run with the id the old run gave it.
        using var client = after.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/stream");
        request.Headers.Add("Last-Event-ID", oldId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var first = await reader.NextAsync(TimeSpan.FromSeconds(10));

        // Assert: a different run's id never suppresses the first snapshot; the trailing integer is the version.
        first.Event.Should().Be("snapshot");
        first.Id.Should().NotBe(oldId);
        first.Id.Should().EndWith("-" + oldVersion);
    }

    private static async Task<string> FirstEventIdAsync(StatusBoardApp app)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/status/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return (await reader.NextAsync()).Id;
    }
}

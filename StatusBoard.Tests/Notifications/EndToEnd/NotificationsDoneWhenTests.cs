using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.EndToEnd;

/// <summary>
/// Issue 15's "Done when", on the real app as a child process and a local Slack-shaped receiver: one message when a
/// service goes down and holds, one when it recovers, none for a flap shorter than HoldFor, one for a 50-service
/// wave, none while StatusBoard is offline, and across a kill -9 and a restart every acknowledged message once.
/// Real time (a child process has its own clock): short intervals, 60 s+ failure bounds, no upper time bounds.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed partial class NotificationsDoneWhenTests
{
    private const int WaveSize = 50;

    [GeneratedRegex(@"Notification (\S+) delivered to route team")]
    private static partial Regex DeliveredLine();

    private static string Page(string id) => $"/{id}/api/v2/summary.json";

    private static string Catalog(FakeUpstream upstream, IEnumerable<(string Id, string Category)> services) =>
        TestCatalog.WriteRaw(JsonSerializer.Serialize(services.Select(s => new Dictionary<string, string>
        {
            ["id"] = s.Id,
            ["name"] = char.ToUpperInvariant(s.Id[0]) + s.Id[1..],
            ["category"] = s.Category,
            ["provider"] = "statuspage",
            ["url"] = upstream.Url(Page(s.Id)).ToString(),
            ["interval"] = "00:00:00.300",
        })));

    private static string[] Settings(string catalog, string dataDirectory, NotificationReceiver receiver) =>
    [
        $"--StatusBoard:CatalogFile={catalog}",
        $"--StatusBoard:DataDirectory={dataDirectory}",
        "--StatusBoard:History:FlushInterval=00:00:00.100",
        "--StatusBoard:CanaryUrls:0=http://127.0.0.1:9/",
        "--StatusBoard:HostSpacing=00:00:00",
        "--StatusBoard:MaxRequestsPerHost=100",
        "--StatusBoard:PublishDelay=00:00:00",
        "--StatusBoard:Notifications:HoldFor=00:00:04",
        "--StatusBoard:Notifications:GroupWindow=00:00:02",
        "--StatusBoard:Notifications:WaveThreshold=5",
        "--StatusBoard:Notifications:PollInterval=00:00:00.200",
        "--StatusBoard:Notifications:MinInterval=00:00:00.100",
        "--StatusBoard:Notifications:Routes:0:name=team",
        "--StatusBoard:Notifications:Routes:0:channel=slack",
        $"--StatusBoard:Notifications:Routes:0:url={receiver.Url("/team")}",
        "--StatusBoard:Notifications:Routes:1:name=ops",
        "--StatusBoard:Notifications:Routes:1:channel=slack",
        "--StatusBoard:Notifications:Routes:1:operators=true",
        $"--StatusBoard:Notifications:Routes:1:url={receiver.Url("/ops")}",
        "--Logging:LogLevel:Default=Information",
    ];

    /// <summary>Waits (60 s bound) until the app polled <paramref name="id"/> twice more: it is running and has a baseline.</summary>
    private static Task PolledAsync(FakeUpstream upstream, string id) =>
        upstream.WaitForHitsAsync(Page(id), upstream.Hits(Page(id)) + 2, TimeSpan.FromSeconds(60));

    private static List<string> Texts(NotificationReceiver receiver, string path) =>
        [.. receiver.Received.Where(r => r.Path == path && r.Acknowledged).Select(r => r.Json.GetProperty("text").GetString()!)];

    /// <summary>Waits (60 s bound) until the route at <paramref name="path"/> got <paramref name="count"/> acknowledged messages.</summary>
    private static async Task<List<string>> WaitForTextsAsync(NotificationReceiver receiver, string path, int count, AppProcess app)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (Texts(receiver, path).Count < count)
        {
            app.HasExited.Should().BeFalse("the app must keep running; output:\n" + app.Tail());
            var seen = receiver.Received.Count;
            try
            {
                await receiver.WaitForAsync(seen + 1).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                // The receiver's own 30 s bound (or a request that came in before we counted): look again.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{path} got {Texts(receiver, path).Count} of {count}: {string.Join(" | ", Texts(receiver, path))}\n{app.Tail()}");
            }
        }
        return Texts(receiver, path);
    }

    [Fact]
    public async Task DownHolds_Recovers_FlapIsSilent_ThenKill9AndRestart_AWaveIsOneMessage_AndEachAcknowledgedMessageArrivedOnce()
    {
        // Arrange: two services to watch and a wave of 50 in two categories, all operational
        await using var upstream = await FakeUpstream.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var wave = Enumerable.Range(0, WaveSize).Select(i => ($"wave{i:00}", i % 2 == 0 ? "Cloud" : "Dev")).ToList();
        List<(string Id, string Category)> services = [("down", "Test"), ("flap", "Test"), .. wave];
        foreach (var (id, _) in services)
        {
            upstream.Set(Page(id), StatuspageJson.Summary("none"));
        }
        var catalog = Catalog(upstream, services);
        var dataDirectory = TestData.NewDirectory();
        var acknowledged = new ConcurrentBag<string>();
        var twoMarkedDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (DeliveredLine().Match(line) is { Success: true } match)
            {
                acknowledged.Add(match.Groups[1].Value);
                if (acknowledged.Count >= 2)
                {
                    twoMarkedDelivered.TrySetResult();
                }
            }
        }

        await using (var first = AppProcess.Start(Settings(catalog, dataDirectory, receiver), OnLine))
        {
            // Act: a flap shorter than HoldFor (a pace, not a wait), then an outage that holds, then its recovery
            await PolledAsync(upstream, "flap");
            upstream.Set(Page("flap"), StatuspageJson.Summary("critical", "major_outage"));
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            upstream.Set(Page("flap"), StatuspageJson.Summary("none"));
            upstream.Set(Page("down"), StatuspageJson.Summary("critical", "major_outage"));
            (await WaitForTextsAsync(receiver, "/team", 1, first)).Should().Equal("Down: major outage");
            upstream.Set(Page("down"), StatuspageJson.Summary("none"));
            await WaitForTextsAsync(receiver, "/team", 2, first);

            // Act: kill -9 right after the recovery was acknowledged and recorded as delivered (the log line follows the
            // commit). A kill between the receiver's acknowledgement and that commit resends with the same
            // Idempotency-Key by design (at least once; proven in OutboxSenderTests), which this test does not time.
            await twoMarkedDelivered.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            await first.KillAsync();
        }

        // Act: restart on the same data directory; the wave goes down and holds
        await using var second = AppProcess.Start(Settings(catalog, dataDirectory, receiver), OnLine);
        await PolledAsync(upstream, "wave00");
        foreach (var (id, _) in wave)
        {
            upstream.Set(Page(id), StatuspageJson.Summary("major", "partial_outage"));
        }
        var texts = await WaitForTextsAsync(receiver, "/team", 3, second);

        // Assert: exactly these three messages, each once; nothing about the flap; no operators' noise
        texts.Should().HaveCount(3);
        texts[0].Should().Be("Down: major outage");
        texts[1].Should().Be("Down: operational again");
        texts[2].Should().StartWith($"{WaveSize} services");
        texts.Should().NotContain(t => t.Contains("Flap", StringComparison.Ordinal));
        receiver.Received.Where(r => r.Path == "/team" && r.Acknowledged).Should().HaveCount(3, "each acknowledged message arrives once, restart or not");
        acknowledged.Should().OnlyHaveUniqueItems().And.HaveCountLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task WhileOffline_NoServiceAlert_OnlyTheOperatorsHearOfflineAndBack()
    {
        // Arrange: four services, one already down and held, so its alert is behind us
        await using var upstream = await FakeUpstream.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        List<(string Id, string Category)> services = [("down", "Test"), ("alpha", "Test"), ("beta", "Other"), ("gamma", "Other")];
        foreach (var (id, _) in services)
        {
            upstream.Set(Page(id), StatuspageJson.Summary("none"));
        }
        await using var app = AppProcess.Start(Settings(Catalog(upstream, services), TestData.NewDirectory(), receiver));
        await PolledAsync(upstream, "gamma");

        // Act: our network "fails" (canary closed, upstream refusing); then it is back
        await upstream.StopListeningAsync();
        (await WaitForTextsAsync(receiver, "/ops", 1, app)).Single().Should().StartWith("StatusBoard is offline");
        await upstream.ListenAgainAsync();
        (await WaitForTextsAsync(receiver, "/ops", 2, app))[1].Should().Be("StatusBoard is back online");

        // Assert: the team heard nothing of it; a change after coming back is told, as its first and only message
        Texts(receiver, "/team").Should().BeEmpty();
        upstream.Set(Page("down"), StatuspageJson.Summary("critical", "major_outage"));
        (await WaitForTextsAsync(receiver, "/team", 1, app)).Should().Equal("Down: major outage");
    }
}

using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using Xunit.Sdk;

namespace StatusBoard.Tests.Engine;

/// <summary>Politeness proven by counting hits at a real local upstream on a fake clock.</summary>
public sealed class PolitenessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly Dictionary<string, string?> NoJitter = new() { ["StatusBoard:Jitter"] = "0" };
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    /// <summary>One interval on the fake clock, after the previous round's <paramref name="pollsSoFar"/> polls finished.</summary>
    private static async Task NextRoundAsync(EngineHost engine, long pollsSoFar)
    {
        await engine.WaitForCompletedPollsAsync(pollsSoFar);
        engine.Time.Advance(Interval);
    }

    [Fact]
    public async Task UnchangedPage_SecondPollIsConditional_And304KeepsTheStatus()
    {
        _upstream.SetWithETag("/a/api/v2/summary.json", StatuspageJson.Summary("minor", incidentImpact: "minor"));
        await using var engine = await EngineHost.StartAsync(TestCatalog.Write([new("a", _upstream.Url("/a/api/v2/summary.json"))]), NoJitter);
        await engine.Store.WaitForAsync(s => s.Service("a").Status == StatusLevel.Degraded);

        await NextRoundAsync(engine, 1);
        await NextRoundAsync(engine, 2);
        await engine.WaitForCompletedPollsAsync(3);

        _upstream.Hits("/a/api/v2/summary.json").Should().Be(3);
        _upstream.NotModifiedCount("/a/api/v2/summary.json").Should().Be(2, "the second and third polls sent If-None-Match");
        var a = engine.Store.Current.Service("a");
        a.Status.Should().Be(StatusLevel.Degraded, "a 304 means the last reading still holds");
        a.Incidents.Should().ContainSingle();
        a.Stale.Should().BeFalse();
    }

    [Fact]
    public async Task RetryAfter_NoRequestToThatHostBeforeItPasses_OtherHostsUnaffected()
    {
        await using var limited = await FakeUpstream.StartAsync();
        limited.Set("/x/api/v2/summary.json", StatuspageJson.Summary("none"));
        limited.Set("/y/api/v2/summary.json", StatuspageJson.Summary("none"));
        _upstream.Set("/other/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([
            new("x", limited.Url("/x/api/v2/summary.json")),
            new("y", limited.Url("/y/api/v2/summary.json")),
            new("other", _upstream.Url("/other/api/v2/summary.json")),
        ]);
        await using var engine = await EngineHost.StartAsync(catalog, NoJitter);
        await engine.WaitForCompletedPollsAsync(3);

        // The host starts rate limiting: 429 with Retry-After of 150 s.
        limited.SetStatus("/x/api/v2/summary.json", 429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "150" });
        limited.SetStatus("/y/api/v2/summary.json", 429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "150" });
        await NextRoundAsync(engine, 3); // t=60 s: both answer 429 (the second one may already be held back)
        await NextRoundAsync(engine, 6); // t=120 s: blocked until t=210 s
        await NextRoundAsync(engine, 9); // t=180 s: still blocked
        await engine.WaitForCompletedPollsAsync(12);
        var hitsWhileBlocked = limited.TotalHits;

        limited.Set("/x/api/v2/summary.json", StatuspageJson.Summary("none"));
        limited.Set("/y/api/v2/summary.json", StatuspageJson.Summary("none"));
        await NextRoundAsync(engine, 12); // t=240 s: Retry-After has passed
        await engine.WaitForCompletedPollsAsync(15);

        hitsWhileBlocked.Should().BeLessThanOrEqualTo(4, "2 initial polls and at most the two 429 answers; nothing while blocked");
        limited.TotalHits.Should().Be(hitsWhileBlocked + 2, "both services are polled again once the wait has passed");
        _upstream.Hits("/other/api/v2/summary.json").Should().Be(5, "another host keeps its normal schedule");
        var current = await engine.Store.WaitForAsync(s => !s.Service("x").Stale && s.Service("x").Status == StatusLevel.Operational);
        current.Service("y").Status.Should().Be(StatusLevel.Operational);
    }

    [Fact]
    public async Task Breaker_OpensAfterThreeFailures_BackoffDoubles_AndResetsOnSuccess()
    {
        const string path = "/down/api/v2/summary.json";
        _upstream.SetStatus(path, 500, "broken");
        await using var engine = await EngineHost.StartAsync(TestCatalog.Write([new("down", _upstream.Url(path))]), NoJitter);

        // Minute by minute for 17 minutes, noting the minutes at which the upstream was called.
        var calledAt = new List<int> { 0 };
        for (var minute = 1; minute <= 17; minute++)
        {
            var hits = _upstream.Hits(path);
            await NextRoundAsync(engine, minute);
            await engine.WaitForCompletedPollsAsync(minute + 1);
            if (_upstream.Hits(path) > hits)
            {
                calledAt.Add(minute);
            }
        }

        // Failures 1-3 at 0, 1, 2 min; then the breaker waits 2, 4, 8 minutes, letting one probe through each time.
        calledAt.Should().Equal(0, 1, 2, 4, 8, 16);
        var down = engine.Store.Current.Service("down");
        down.Status.Should().Be(StatusLevel.Unknown);
        down.Error.Should().StartWith("Failing since 2026-11-25 12:00 UTC (6 failures in a row)");

        // Recovery: the next probe succeeds and the schedule is back to once a minute.
        _upstream.Set(path, StatuspageJson.Summary("none"));
        var probeMinute = 17;
        while (_upstream.Hits(path) == 6)
        {
            await NextRoundAsync(engine, ++probeMinute);
            await engine.WaitForCompletedPollsAsync(probeMinute + 1);
        }
        var afterRecovery = _upstream.Hits(path);
        await NextRoundAsync(engine, probeMinute + 1);
        await engine.WaitForCompletedPollsAsync(probeMinute + 2);
        _upstream.Hits(path).Should().Be(afterRecovery + 1, "success resets the backoff");
        (await engine.Store.WaitForAsync(s => s.Service("down").Status == StatusLevel.Operational)).Service("down").FailingSince.Should().BeNull();
    }

    [Fact]
    public async Task HundredTwentyServices_TenSimulatedMinutes_OneRequestPerIntervalEach()
    {
        var entries = Enumerable.Range(0, 120).Select(i => $"svc{i:000}").ToArray();
        foreach (var id in entries)
        {
            _upstream.SetWithETag($"/{id}/api/v2/summary.json", StatuspageJson.Summary("none"));
        }
        await using var engine = await EngineHost.StartAsync(
            TestCatalog.Write(entries.Select(id => new TestCatalog.Entry(id, _upstream.Url($"/{id}/api/v2/summary.json")))), NoJitter);

        for (var minute = 1; minute <= 10; minute++)
        {
            await NextRoundAsync(engine, 120L * minute);
        }
        await engine.WaitForCompletedPollsAsync(120 * 11);

        var total = _upstream.TotalHits;
        var notModified = entries.Sum(id => _upstream.NotModifiedCount($"/{id}/api/v2/summary.json"));
        output.WriteLine($"120 services, 10 simulated minutes at 1 min: {total} upstream requests ({notModified} answered 304 Not Modified, {total - notModified} full bodies)");
        total.Should().Be(120 * 11, "one request per service at start and one per interval after");
        notModified.Should().Be(120 * 10);
    }
}

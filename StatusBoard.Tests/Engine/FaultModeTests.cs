using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// Each upstream fault, against real local servers on a fake clock: the first failed poll keeps the last level marked
/// stale (flap damping), the second turns the service unknown with a specific reason, and the healthy neighbour stays
/// current throughout.
/// </summary>
[Collection(nameof(MemoryMeasuringCollection))]
public sealed class FaultModeTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private FakeUpstream _upstream = null!;
    private FakeUpstream _faulty = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _faulty = await FakeUpstream.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _faulty.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private const string BadPath = "/bad/api/v2/summary.json";

    public static TheoryData<string, string> Faults => new()
    {
        { "hang", "Timed out after 5 s" },
        { "slow", "Timed out after 5 s" },
        { "500", "HTTP 500 Internal Server Error" },
        { "garbage", "statuspage: invalid JSON" },
        { "huge", "Response larger than the 5 MiB cap; not read" },
        { "refused", "Connection refused" },
        { "redirect-loop", "Redirect loop or too many redirects" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_IsStaleAfterOneFailure_UnknownWithReasonAfterTwo_NeighbourStaysCurrent(string fault, string reason)
    {
        // Arrange: both healthy and known.
        _faulty.Set(BadPath, StatuspageJson.Summary("minor", incidentImpact: "minor"));
        _upstream.Set("/good/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([
            new("bad", _faulty.Url(BadPath)),
            new("good", _upstream.Url("/good/api/v2/summary.json")),
        ]);
        await using var engine = await EngineHost.StartAsync(catalog, new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "0" });
        await engine.Store.WaitForAsync(s => s.Service("bad").Status == StatusLevel.Degraded && s.Service("good").CheckedAt is not null);

        // Act 1: the fault starts; one failed poll.
        await ApplyFaultAsync(fault);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await PollRoundAsync(engine, fault, expectedHits: 2);
        var damped = await engine.Store.WaitForAsync(s => s.Service("bad").Stale);

        // Assert 1: last level kept, marked stale, with the reason.
        damped.Service("bad").Status.Should().Be(StatusLevel.Degraded);
        damped.Service("bad").Error.Should().StartWith(reason);
        damped.Service("bad").FailingSince.Should().NotBeNull();

        // Act 2: a second failed poll.
        await PollRoundAsync(engine, fault, expectedHits: 3);
        var failed = await engine.Store.WaitForAsync(s => s.Service("bad").Status == StatusLevel.Unknown);

        // Assert 2
        var bad = failed.Service("bad");
        bad.Error.Should().StartWith(reason);
        bad.Summary.Should().Contain("failing since");
        var good = failed.Service("good");
        good.Status.Should().Be(StatusLevel.Operational);
        good.Stale.Should().BeFalse();
        good.Error.Should().BeNull();
        if (fault == "huge")
        {
            // Two polls of a 200 MiB body: buffering either would allocate at least 400 MiB.
            (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).Should().BeLessThan(100L * 1024 * 1024,
                "the body is read through a capped stream and abandoned at 5 MiB");
        }
    }

    private async Task ApplyFaultAsync(string fault)
    {
        switch (fault)
        {
            case "hang": _faulty.Hang(BadPath); break;
            case "slow": _faulty.Slow(BadPath, StatuspageJson.Summary("none"), TimeSpan.FromSeconds(8)); break;
            case "500": _faulty.SetStatus(BadPath, 500, "oops"); break;
            case "garbage": _faulty.Set(BadPath, "{\"status\": {\"indicator\": "); break;
            case "huge": _faulty.Huge(BadPath, 200L * 1024 * 1024); break;
            case "refused": await _faulty.StopListeningAsync(); break;
            case "redirect-loop": _faulty.RedirectLoop(BadPath); break;
        }
    }

    /// <summary>One interval passes; for faults that never answer, the 5 s deadline passes too once the request is out.</summary>
    private static async Task<bool> CompletedWithinAsync(EngineHost engine, long polls, TimeSpan wait)
    {
        try
        {
            await engine.WaitForCompletedPollsAsync(polls).WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task PollRoundAsync(EngineHost engine, string fault, int expectedHits)
    {
        // Every poll of the previous round is done (two services per round) before the clock moves again;
        // otherwise a request in flight would see its deadline pass.
        var polls = 2L * (expectedHits - 1);
        await engine.WaitForCompletedPollsAsync(polls);
        engine.Time.Advance(Interval);
        if (fault is "hang" or "slow")
        {
            // The healthy neighbour's poll must be finished before the clock jumps past its deadline too.
            await _faulty.WaitForHitsAsync(BadPath, expectedHits);
            await engine.WaitForCompletedPollsAsync(polls + 1);
            engine.Time.Advance(TimeSpan.FromSeconds(5));
            // On a loaded machine the timed-out poll may still be unwinding; a second more of fake time (far from
            // the next interval) never changes the outcome, it only makes sure no deadline waits on real time.
            for (var extra = 0; extra < 5 && !await CompletedWithinAsync(engine, polls + 2, TimeSpan.FromSeconds(3)); extra++)
            {
                engine.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }
    }
}

using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Cluster;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster;

/// <summary>
/// The engine polls only during a term of leadership, stops the moment it ends, and a new leader resumes the
/// previous one's schedule: counted at a real local upstream on a fake clock.
/// </summary>
public sealed class EngineTermTests : IAsyncLifetime
{
    private const string Page = "/a/api/v2/summary.json";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly Dictionary<string, string?> NoJitter = new() { ["StatusBoard:Jitter"] = "0" };
    private readonly Leadership _leadership = Leadership.Clustering();
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set(Page, StatuspageJson.Summary("none"));
    }

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private Task<EngineHost> StartFollowerAsync() =>
        EngineHost.StartAsync(TestCatalog.Write([new("a", _upstream.Url(Page))]), NoJitter, services: s => s.AddSingleton(_leadership));

    [Fact]
    public async Task AFollowerNeverPolls_ItsFirstTermPollsOnce()
    {
        await using var engine = await StartFollowerAsync();
        engine.Time.Advance(Interval * 5);

        _leadership.Begin();
        await engine.WaitForCompletedPollsAsync(1);

        _upstream.Hits(Page).Should().Be(1, "nothing was polled before the term began");
    }

    [Fact]
    public async Task WhenTheTermEnds_PollingStops_AndTheNextTermResumes()
    {
        await using var engine = await StartFollowerAsync();
        _leadership.Begin();
        await engine.WaitForCompletedPollsAsync(1);

        _leadership.End();
        engine.Time.Advance(Interval * 3);
        _leadership.Begin();
        await engine.WaitForCompletedPollsAsync(2);

        _upstream.Hits(Page).Should().Be(2, "three intervals passed without a term: no poll in them, one when the next term began");
        engine.CompletedPolls.Should().Be(2);
    }

    [Fact]
    public async Task ANewLeader_PollsAServiceCheckedRecently_WhenItsIntervalComesDue_NotAtOnce()
    {
        await using var engine = await StartFollowerAsync();
        var checkedAt = engine.Time.GetUtcNow();
        // What the previous leader published: "a" checked just now.
        engine.Store.Apply(engine.Store.Current.Find("a")! with { Status = StatusLevel.Operational, CheckedAt = checkedAt });
        engine.Time.Advance(TimeSpan.FromSeconds(10));

        _leadership.Begin();
        engine.Time.Advance(TimeSpan.FromSeconds(49));
        _upstream.Hits(Page).Should().Be(0, "due 60 s after the previous leader's poll, and 59 s have passed");
        engine.Time.Advance(TimeSpan.FromSeconds(2));
        await engine.WaitForCompletedPollsAsync(1);

        _upstream.Hits(Page).Should().Be(1);
        engine.Store.Current.Find("a")!.CheckedAt.Should().BeOnOrAfter(checkedAt + Interval);
    }
}

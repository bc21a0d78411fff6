using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// StatusBoard:IncidentPollInterval proven by the seconds at which a real local upstream was called, on a fake clock
/// stepped 20 s at a time (poll interval 60 s, no jitter).
/// </summary>
public sealed class IncidentPollTests : IAsyncLifetime
{
    private const int Step = 20;
    private const string Incident = "/inc/api/v2/summary.json";
    private const string Healthy = "/ok/api/v2/summary.json";
    private static readonly Dictionary<string, string?> NoJitter = new() { ["StatusBoard:Jitter"] = "0" };
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private Task<EngineHost> StartAsync(params string[] paths) =>
        EngineHost.StartAsync(TestCatalog.Write(paths.Select(p => new TestCatalog.Entry(p.Split('/')[1], _upstream.Url(p)))), NoJitter);

    /// <summary>
    /// Steps the clock to <paramref name="until"/> seconds; after each step waits for the polls (of any outcome, over all
    /// services) that <paramref name="pollSeconds"/> expects by then, and notes the seconds at which <paramref name="path"/>
    /// was requested. <paramref name="before"/> runs its action just before the clock reaches that second.
    /// </summary>
    private async Task<List<int>> CalledAtAsync(EngineHost engine, string path, int[] pollSeconds, int until, Dictionary<int, Action>? before = null)
    {
        await engine.WaitForCompletedPollsAsync(pollSeconds.Count(s => s <= 0));
        List<int> calledAt = _upstream.Hits(path) > 0 ? [0] : [];
        for (var second = Step; second <= until; second += Step)
        {
            before?.GetValueOrDefault(second)?.Invoke();
            var hits = _upstream.Hits(path);
            engine.Time.Advance(TimeSpan.FromSeconds(Step));
            await engine.WaitForCompletedPollsAsync(pollSeconds.Count(s => s <= second));
            if (_upstream.Hits(path) > hits)
            {
                calledAt.Add(second);
            }
        }
        return calledAt;
    }

    [Fact]
    public async Task ActiveIncident_PolledEveryTwentySeconds_Conditionally_WhileHealthyServiceKeepsItsInterval()
    {
        // Arrange
        _upstream.SetWithETag(Incident, StatuspageJson.Summary("minor", incidentImpact: "minor"));
        _upstream.SetWithETag(Healthy, StatuspageJson.Summary("none"));
        await using var engine = await StartAsync(Incident, Healthy);
        int[] incident = [0, 20, 40, 60, 80, 100, 120, 140, 160, 180];
        int[] healthy = [0, 60, 120, 180];

        // Act
        var calledAt = await CalledAtAsync(engine, Incident, [.. incident, .. healthy], 180);

        // Assert
        calledAt.Should().Equal(incident);
        _upstream.NotModifiedCount(Incident).Should().Be(9, "every poll after the first sent If-None-Match");
        _upstream.Hits(Healthy).Should().Be(4, "an operational service is polled once a minute");
    }

    [Fact]
    public async Task NonOperationalLevelWithoutIncident_IsWatchedToo()
    {
        // Arrange: a component in partial outage, no incident posted.
        _upstream.Set(Incident, StatuspageJson.Summary("major", componentStatus: "partial_outage"));
        await using var engine = await StartAsync(Incident);

        // Act
        var calledAt = await CalledAtAsync(engine, Incident, [0, 20, 40, 60], 60);

        // Assert
        calledAt.Should().Equal(0, 20, 40, 60);
    }

    [Fact]
    public async Task Recovered_ShowsAtTheNextIncidentPoll_ThenBackToTheNormalInterval()
    {
        // Arrange
        _upstream.Set(Incident, StatuspageJson.Summary("minor", incidentImpact: "minor"));
        await using var engine = await StartAsync(Incident);
        var recover = new Dictionary<int, Action> { [40] = () => _upstream.Set(Incident, StatuspageJson.Summary("none")) };

        // Act
        var calledAt = await CalledAtAsync(engine, Incident, [0, 20, 40, 100, 160], 160, recover);

        // Assert
        calledAt.Should().Equal(0, 20, 40, 100, 160);
        var recovered = engine.Store.Current.Service("inc");
        recovered.Status.Should().Be(StatusLevel.Operational);
        recovered.LastChangedAt.Should().Be(new DateTimeOffset(2026, 11, 25, 12, 0, 40, TimeSpan.Zero), "recovery showed 20 s after the last incident poll");
    }

    [Fact]
    public async Task RetryAfter_StillBlocksAServiceWithAnIncident()
    {
        // Arrange
        _upstream.Set(Incident, StatuspageJson.Summary("minor", incidentImpact: "minor"));
        await using var engine = await StartAsync(Incident);
        var limit = new Dictionary<int, Action>
        {
            // The answer at 20 s is 429, "retry after 150 s" (until 170 s).
            [20] = () => _upstream.SetStatus(Incident, 429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "150" }),
            [100] = () => _upstream.Set(Incident, StatuspageJson.Summary("minor", incidentImpact: "minor")),
        };

        // Act: polls at 80 and 140 s are held without a request; the 429 made the reading stale, so the normal interval applies.
        var calledAt = await CalledAtAsync(engine, Incident, [0, 20, 80, 140, 200, 220], 220, limit);

        // Assert
        calledAt.Should().Equal(0, 20, 200, 220);
        engine.Store.Current.Service("inc").Stale.Should().BeFalse("after the wait the incident is read again and watched at 20 s");
    }

    [Fact]
    public async Task FailingEndpoint_BackoffStillWins()
    {
        // Arrange
        _upstream.Set(Incident, StatuspageJson.Summary("minor", incidentImpact: "minor"));
        await using var engine = await StartAsync(Incident);
        var fail = new Dictionary<int, Action> { [20] = () => _upstream.SetStatus(Incident, 500, "broken") };

        // Act: failures at 20, 80 and 140 s (normal interval once failing); the third opens the breaker for 2 intervals.
        var calledAt = await CalledAtAsync(engine, Incident, [0, 20, 80, 140, 200, 260], 260, fail);

        // Assert
        calledAt.Should().Equal(0, 20, 80, 140, 260);
    }
}

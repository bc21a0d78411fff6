using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components.Details;
using StatusBoard.Web.Components.Pages;

namespace StatusBoard.Tests.Web.Components;

/// <summary>The details view: everything about one service, with upstream text always inert.</summary>
public sealed class ServiceDetailsTests : IAsyncDisposable
{
    private const string Hostile = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">Fixed";

    private readonly BunitContext _context = new();
    private readonly HistoryDatabase _history = TestHistory.NewDatabase();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public ServiceDetailsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddTestHistory(_history);
        _context.Services.AddSingleton<TimeProvider>(_time);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private ServiceStatus Service(StatusLevel level = StatusLevel.PartialOutage) => new(
        "acme", "Acme Cloud", "Cloud", level, "API errors", _time.GetUtcNow().AddSeconds(-30), _time.GetUtcNow().AddMinutes(-20),
        182, level == StatusLevel.Unknown ? "Timed out after 5 s" : null, "https://status.acme.test",
        [
            new ComponentStatus("api", "API", StatusLevel.PartialOutage),
            new ComponentStatus("eu", "Europe", StatusLevel.Operational, "Regions"),
            new ComponentStatus("us", "North America", StatusLevel.Degraded, "Regions", Watched: false),
        ],
        [
            new Incident("inc1", "Elevated <b>errors</b>", "identified", StatusLevel.PartialOutage, _time.GetUtcNow().AddMinutes(-20),
                _time.GetUtcNow().AddMinutes(-5), "javascript:alert(1)", ["API"],
                [
                    new IncidentUpdate(_time.GetUtcNow().AddMinutes(-5), "identified", Hostile),
                    new IncidentUpdate(_time.GetUtcNow().AddMinutes(-20), "investigating", "We are looking into it."),
                ]),
        ],
        [
            new Maintenance("m1", "Database upgrade", "scheduled", false, _time.GetUtcNow().AddDays(1), _time.GetUtcNow().AddDays(1).AddHours(2),
                "https://status.acme.test/m1", [], []),
        ],
        Stale: true,
        Observed: new ObservedStatus(StatusLevel.Operational, _time.GetUtcNow().AddSeconds(-10), 95, null));

    private IRenderedComponent<ServiceDetails> Render(ServiceStatus status) =>
        _context.Render<ServiceDetails>(p => p.Add(d => d.Status, status).Add(d => d.Now, _time.GetUtcNow()));

    [Fact]
    public void Details_ShowLevelFactsIncidentUpdatesAndMaintenance()
    {
        var details = Render(Service());

        details.Find(".details-level-text").TextContent.Should().Be("Partial outage");
        details.Find("[data-testid='stale-tag']").TextContent.Should().Contain("stale");
        details.Find(".details-facts").TextContent.Should().Contain("182 ms").And.Contain("2026-11-25 11:59 UTC");
        details.Find("[data-testid='status-page-link']").GetAttribute("href").Should().Be("https://status.acme.test");
        details.Find("[data-testid='observed']").TextContent.Should().Contain("Operational").And.Contain("95 ms");
        var updates = details.FindAll("[data-incident-id='inc1'] .update");
        updates.Select(u => u.QuerySelector(".update-status")!.TextContent).Should().Equal("identified", "investigating");
        updates[1].QuerySelector(".update-body")!.TextContent.Should().Be("We are looking into it.");
        updates[0].QuerySelector("time")!.GetAttribute("datetime").Should().StartWith("2026-11-25T11:55");
        details.Find("[data-maintenance-id='m1']").TextContent.Should().Contain("Scheduled").And.Contain("2026-11-26 12:00 UTC");
    }

    [Fact]
    public void Details_ComponentsGrouped_UnwatchedMarked()
    {
        var details = Render(Service());

        details.FindAll(".component-group-name").Select(g => g.TextContent).Should().Equal("Regions");
        var us = details.Find("[data-component-id='us']");
        us.ClassList.Should().Contain("not-watched");
        us.QuerySelector(".not-watched-tag")!.TextContent.Should().Be("not watched");
        us.QuerySelector(".component-level")!.TextContent.Should().Contain("Degraded");
        details.Find("[data-component-id='api']").QuerySelector(".not-watched-tag").Should().BeNull();
    }

    [Fact]
    public void Details_HostileUpstreamText_IsRenderedAsText()
    {
        var details = Render(Service());

        var body = details.Find("[data-incident-id='inc1'] .update-body");
        body.TextContent.Should().Be(Hostile);
        body.Children.Should().BeEmpty("no element may come out of upstream text");
        details.FindAll("script, img, b").Should().BeEmpty();
        details.Markup.Should().Contain("&lt;script&gt;");
        // A javascript: link from upstream is not made clickable.
        details.FindAll("a[href^='javascript']").Should().BeEmpty();
    }

    [Fact]
    public void Details_Unknown_ShowsTheReason()
    {
        var details = Render(Service(StatusLevel.Unknown));

        details.Find("[data-testid='error-reason']").TextContent.Should().Be("Timed out after 5 s");
        details.Find(".details-facts").TextContent.Should().Contain("Why unknown");
    }

    [Fact]
    public void Details_ShowNinetyDailyBars_AndTheIncidentTimeline_FromTheStore()
    {
        // Arrange: operational for days, a major outage yesterday 10:00-16:00 UTC with a resolved incident.
        var now = _time.GetUtcNow();
        var yesterday = now.Date.AddDays(-1);
        var batch = new HistoryBatch();
        batch.Transitions.Add(new LevelTransition("acme", now.AddDays(-30), StatusLevel.Unknown, StatusLevel.Operational, null));
        batch.Transitions.Add(new LevelTransition("acme", new DateTimeOffset(yesterday.AddHours(10), TimeSpan.Zero), StatusLevel.Operational, StatusLevel.MajorOutage, "down"));
        batch.Transitions.Add(new LevelTransition("acme", new DateTimeOffset(yesterday.AddHours(16), TimeSpan.Zero), StatusLevel.MajorOutage, StatusLevel.Operational, null));
        batch.Incidents.Add(new IncidentRecord("acme", "old1", IncidentRecord.IncidentKind, Hostile, "resolved", StatusLevel.MajorOutage,
            new DateTimeOffset(yesterday.AddHours(10), TimeSpan.Zero), null, null, now, null,
            [new IncidentUpdate(new DateTimeOffset(yesterday.AddHours(16), TimeSpan.Zero), "resolved", "All good <img src=x onerror=alert(1)>")]));
        batch.Resolutions.Add(new IncidentResolution("acme", "old1", new DateTimeOffset(yesterday.AddHours(16), TimeSpan.Zero)));
        new HistoryWriter(_history).Write(batch, now);

        // Act
        var details = Render(Service());

        // Assert
        details.WaitForAssertion(() => details.FindAll(".uptime-days .uptime-bar").Should().HaveCount(90));
        var bars = details.FindAll(".uptime-days .uptime-bar");
        bars[^2].GetAttribute("data-level").Should().Be("major_outage");
        bars[^2].GetAttribute("title").Should().Contain("75 % operational").And.Contain(Hostile);
        bars[^1].GetAttribute("data-level").Should().Be("operational");
        bars[0].GetAttribute("data-level").Should().Be("none", "90 days ago there was no data yet");
        details.WaitForAssertion(() => details.FindAll(".incident-timeline [data-incident-id='old1']").Should().ContainSingle());
        var timeline = details.Find(".incident-timeline [data-incident-id='old1']");
        timeline.TextContent.Should().Contain(Hostile).And.Contain("6 h");
        details.FindAll(".incident-timeline script, .incident-timeline img").Should().BeEmpty();
    }

    [Fact]
    public void Details_DailyBars_AreTheViewersCalendarDays()
    {
        // The fake clock says 2026-11-25 12:00 UTC: in Auckland it is already 2026-11-26 01:00.
        _context.JSInterop.Setup<string?>("statusBoard.timeZone").SetResult("Pacific/Auckland");
        var batch = new HistoryBatch();
        batch.Transitions.Add(new LevelTransition("acme", _time.GetUtcNow().AddDays(-3), StatusLevel.Unknown, StatusLevel.Operational, null));
        new HistoryWriter(_history).Write(batch, _time.GetUtcNow());

        var details = Render(Service());

        details.WaitForAssertion(() => details.Find(".uptime-axis").TextContent.Should().Contain("Pacific/Auckland"));
        details.WaitForAssertion(() => details.FindAll(".uptime-days .uptime-bar")[^1].GetAttribute("title").Should().StartWith("2026-11-26:"));
    }

    [Fact]
    public void DetailPage_FollowsTheStore_AndSaysWhenTheIdIsUnknown()
    {
        // Arrange
        var store = TestStores.Create(_time, ("acme", "Cloud"));
        _context.Services.AddSingleton(store);
        var page = _context.Render<ServiceDetail>(p => p.Add(d => d.Id, "acme"));

        // Act
        store.Set(_time, "acme", StatusLevel.MajorOutage, "Down");

        // Assert
        page.WaitForAssertion(() => page.Find(".details-level-text").TextContent.Should().Be("Major outage"));
        _context.Render<ServiceDetail>(p => p.Add(d => d.Id, "nope")).Markup.Should().Contain("Unknown service");
    }
}

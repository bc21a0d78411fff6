using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.History;

/// <summary>(On both stores.) A restarted StatusBoard shows the last known state (stale) before its first poll, then fresh readings.</summary>
public sealed class HistoryRestartTests : IAsyncLifetime
{
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private static string PathOf(string id) => $"/{id}/api/v2/summary.json";

    private string Catalog(params (string Id, string Name, string Category)[] entries) =>
        TestCatalog.Write(entries.Select(e => new TestCatalog.Entry(e.Id, _upstream.Url(PathOf(e.Id)), Category: e.Category, Name: e.Name)));

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Restart_RestoresLevelsSummariesAndIncidentsAsStale_ThenTheFirstPollMakesThemFresh(HistoryStoreKind kind)
    {
        // Arrange: host A reads an outage with an open incident, a healthy service, and one that will leave the catalog.
        var store = await TestHistoryStore.CreateAsync(kind);
        var settings = store.Settings;
        _upstream.Set(PathOf("down"), StatuspageJson.Summary("critical", "major_outage", incidentImpact: "critical", incidentBody: "Everything is on fire."));
        _upstream.Set(PathOf("fine"), StatuspageJson.Summary("none"));
        _upstream.Set(PathOf("gone"), StatuspageJson.Summary("minor"));
        ServiceStatus downInA, fineInA;
        await using (var a = await EngineHost.StartAsync(Catalog(("down", "Down", "Test"), ("fine", "Fine", "Test"), ("gone", "Gone", "Test")), settings))
        {
            var read = await a.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
            downInA = read.Service("down");
            fineInA = read.Service("fine");
            downInA.Status.Should().Be(StatusLevel.MajorOutage);
            downInA.Incidents.Should().ContainSingle();
        }

        // Act: host B starts on the same folder while every page hangs (no poll can finish), with "fine" renamed
        // and moved, and "gone" removed from the catalog.
        _upstream.Hang(PathOf("down"));
        _upstream.Hang(PathOf("fine"));
        _upstream.Hang(PathOf("gone"));
        await using var b = await EngineHost.StartAsync(Catalog(("down", "Down", "Test"), ("fine", "Fine Renamed", "Moved")), settings);
        var restored = b.Store.Current;

        // Assert: the last known state, flagged stale, before any poll finished.
        b.CompletedPolls.Should().Be(0);
        restored.Services.Select(s => s.Id).Should().Equal("down", "fine");
        restored.Find("gone").Should().BeNull("a service removed from the catalog is not resurrected");
        var down = restored.Service("down");
        down.Stale.Should().BeTrue();
        down.Status.Should().Be(StatusLevel.MajorOutage);
        down.Summary.Should().Be(downInA.Summary);
        down.CheckedAt.Should().Be(downInA.CheckedAt);
        down.LastChangedAt.Should().Be(downInA.LastChangedAt);
        down.Error.Should().BeNull();
        down.Incidents.Should().ContainSingle().Which.Should().Match<Incident>(i =>
            i.Id == "inc1" && i.Title == "Elevated errors" && i.Impact == StatusLevel.MajorOutage
            && i.Updates.Count == 1 && i.Updates[0].Body == "Everything is on fire.");
        down.Components.Select(c => (c.Name, c.Status)).Should().Equal(("API", StatusLevel.MajorOutage), ("Web", StatusLevel.Operational));
        var fine = restored.Service("fine");
        fine.Stale.Should().BeTrue();
        fine.Status.Should().Be(StatusLevel.Operational);
        fine.Name.Should().Be("Fine Renamed", "the catalog has the last word on names");
        fine.Category.Should().Be("Moved");

        // Act: the hanging requests time out (5 s on the fake clock): a damped failure keeps the restored level, still stale.
        await _upstream.WaitForHitsAsync(PathOf("down"), 2); // B's request is in flight (A made the first), so its deadline is set
        await _upstream.WaitForHitsAsync(PathOf("fine"), 2);
        b.Time.Advance(TimeSpan.FromSeconds(5));
        await b.WaitForCompletedPollsAsync(2);
        b.Store.Current.Service("down").Should().Match<ServiceStatus>(s => s.Stale && s.Status == StatusLevel.MajorOutage);

        // Act: the pages answer again; the next poll (one interval later) is a real reading.
        _upstream.Set(PathOf("down"), StatuspageJson.Summary("critical", "major_outage", incidentImpact: "critical", incidentBody: "Everything is on fire."));
        _upstream.Set(PathOf("fine"), StatuspageJson.Summary("none"));
        b.Time.Advance(TimeSpan.FromSeconds(67));
        var fresh = await b.Store.WaitForAsync(s => s.Services.All(x => !x.Stale && x.CheckedAt > downInA.CheckedAt));

        // Assert: fresh, same level, so "last changed" is still when A first saw it.
        fresh.Service("down").Status.Should().Be(StatusLevel.MajorOutage);
        fresh.Service("down").LastChangedAt.Should().Be(downInA.LastChangedAt);
        fresh.Service("down").Error.Should().BeNull();
        fresh.Service("fine").Status.Should().Be(StatusLevel.Operational);
        fresh.Service("fine").LastChangedAt.Should().Be(fineInA.LastChangedAt);
        fresh.Service("fine").Name.Should().Be("Fine Renamed");
        fresh.Find("gone").Should().BeNull();
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Restart_TheDowntimeIsRecordedAsUnknown_AndTheOpenIncidentStaysOneRow(HistoryStoreKind kind)
    {
        // Arrange
        var store = await TestHistoryStore.CreateAsync(kind);
        var settings = store.Settings;
        _upstream.Set(PathOf("down"), StatuspageJson.Summary("critical", "major_outage", incidentImpact: "critical"));
        var catalog = Catalog(("down", "Down", "Test"));
        await using (var a = await EngineHost.StartAsync(catalog, settings))
        {
            await a.Store.WaitForAsync(s => s.Service("down").CheckedAt is not null);
        }

        // Act: B polls the same page (its clock starts where A's did; a minute later it polls again).
        await using (var b = await EngineHost.StartAsync(catalog, settings))
        {
            await b.WaitForCompletedPollsAsync(1);
            await b.Store.WaitForAsync(s => !s.Service("down").Stale);
        }

        // Assert: A's reading, A's "stopped", B's reading, B's "stopped"; the incident was neither duplicated nor resolved.
        var database = store.Database();
        var reader = new HistoryReader(database);
        var transitions = reader.Transitions("down", DateTimeOffset.UnixEpoch.AddDays(1));
        transitions.Select(t => (t.From, t.To)).Should().Equal(
            (StatusLevel.Unknown, StatusLevel.MajorOutage),
            (StatusLevel.MajorOutage, StatusLevel.Unknown),
            (StatusLevel.Unknown, StatusLevel.MajorOutage),
            (StatusLevel.MajorOutage, StatusLevel.Unknown));
        transitions[1].Reason.Should().Be("StatusBoard stopped");
        reader.Incidents("down", DateTimeOffset.UnixEpoch.AddDays(1)).Should().ContainSingle().Which.ResolvedAt.Should().BeNull();
    }

    [Theory]
    [InlineData(HistoryStoreKind.Sqlite)]
    [InlineData(HistoryStoreKind.Postgres)]
    public async Task Start_OnAnEmptyFolder_ShowsPendingServices_NotStale(HistoryStoreKind kind)
    {
        _upstream.Hang(PathOf("new"));
        await using var engine = await EngineHost.StartAsync(Catalog(("new", "New", "Test")), (await TestHistoryStore.CreateAsync(kind)).Settings);

        var status = engine.Store.Current.Service("new");

        status.Stale.Should().BeFalse();
        status.CheckedAt.Should().BeNull();
        status.Status.Should().Be(StatusLevel.Unknown);
        engine.Services.GetRequiredService<HistoryHealth>().Healthy.Should().BeTrue();
    }
}

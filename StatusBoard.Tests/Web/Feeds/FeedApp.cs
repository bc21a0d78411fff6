using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using static StatusBoard.Tests.History.HistoryTestKit;

namespace StatusBoard.Tests.Web.Feeds;

/// <summary>
/// The real app on a fake clock with two services: <c>gh</c> (Code &amp; CI) with an open incident and an upcoming
/// maintenance, <c>npm</c> (Package Registries) operational; a board <c>dev</c>; and a history holding an incident of
/// <c>gh</c> resolved yesterday and one resolved in January.
/// </summary>
public sealed class FeedApp : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = Utc("2026-11-25T12:00:00Z");

    private readonly string _directory = TestData.NewDirectory();

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeUpstream Upstream { get; private set; } = null!;

    public StatusBoardApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var seed = new HistoryBatch();
        seed.AddStored(StoredIncident("gh", "yesterday", "2026-11-24T08:00:00Z", "2026-11-24T09:30:00Z", updates: 2),
            StoredIncident("gh", "january", "2026-01-10T08:00:00Z", "2026-01-11T08:00:00Z"));
        new HistoryWriter(Database(_directory)).Write(seed, Now);

        Upstream = await FakeUpstream.StartAsync();
        Upstream.Set("/gh/api/v2/summary.json", FeedPayloads.WithMaintenance(StatuspageJson.Summary("minor", incidentImpact: "minor", incidentBody: "Actions runs are delayed.")));
        Upstream.Set("/npm/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([
            new("gh", Upstream.Url("/gh/api/v2/summary.json"), Category: "Code & CI", Name: "GitHub"),
            new("npm", Upstream.Url("/npm/api/v2/summary.json"), Category: "Package Registries", Name: "npm"),
        ]);
        App = new StatusBoardApp(catalog, Time, new Dictionary<string, string?>
        {
            ["StatusBoard:DataDirectory"] = _directory,
            ["StatusBoard:Boards:0:id"] = "dev",
            ["StatusBoard:Boards:0:title"] = "Developer tools",
            ["StatusBoard:Boards:0:categories:0"] = "Code & CI",
        });
        _ = App.Server;
        await App.Store.WaitForAsync(s => s.Services.All(service => service.CheckedAt is not null) && s.Service("gh").Maintenances.Count == 1);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

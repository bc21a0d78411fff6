using System.Text.Json;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;
using StatusBoard.Web.Demo;

namespace StatusBoard.Benchmarks;

/// <summary>A board of N services on the local upstream, with a past: its catalog file and a data folder of 90 days of history.</summary>
public static class BoardData
{
    public static async Task<(string Catalog, string DataDirectory)> WriteAsync(LocalUpstream upstream, int services)
    {
        var ids = Enumerable.Range(0, services).Select(i => $"svc{i:000}").ToArray();
        var catalog = Path.Combine(Path.GetTempPath(), $"statusboard-circuits-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(ids.Select((id, i) => new
        {
            id,
            name = $"Service {i:000}",
            category = $"Category {i % 12}",
            provider = "statuspage",
            url = upstream.SummaryUrl(id),
        })));
        // As in production: 90 days of incidents, so every tile carries its 24-hour strip.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "statusboard-circuits", Guid.NewGuid().ToString("N"));
        var history = new HistoryDatabase(
            Microsoft.Extensions.Options.Options.Create(new CatalogOptions { DataDirectory = dataDirectory }),
            Microsoft.Extensions.Options.Options.Create(new HistoryOptions()));
        new HistoryWriter(history).Write(DemoHistorySeeder.Invent(ids, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
        return (catalog, dataDirectory);
    }
}

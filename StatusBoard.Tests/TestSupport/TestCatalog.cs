using System.Text.Json;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Writes catalog files (a JSON array of services, as <c>StatusBoard:CatalogFile</c> expects) to a temp folder.</summary>
public static class TestCatalog
{
    public sealed record Entry(string Id, Uri Url, string Provider = "statuspage", string Category = "Test", string? Name = null);

    public static string Write(IEnumerable<Entry> entries)
    {
        var items = entries.Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            ["name"] = e.Name ?? e.Id,
            ["category"] = e.Category,
            ["provider"] = e.Provider,
            ["url"] = e.Url.ToString(),
            ["statusPageUrl"] = "https://status.example.test/" + e.Id,
        });
        return WriteRaw(JsonSerializer.Serialize(items));
    }

    public static string WriteRaw(string json)
    {
        var directory = Path.Combine(Path.GetTempPath(), "statusboard-tests");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}

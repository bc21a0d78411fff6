using System.Text.Json;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Writes catalog files (a JSON array of services, as <c>StatusBoard:CatalogFile</c> expects) to a temp folder.</summary>
public static class TestCatalog
{
    /// <summary>One service; <paramref name="Extra"/> adds entry keys such as <c>probe</c> or a provider's rule object.</summary>
    public sealed record Entry(string Id, Uri Url, string Provider = "statuspage", string Category = "Test", string? Name = null,
        IReadOnlyDictionary<string, object?>? Extra = null);

    public static string Write(IEnumerable<Entry> entries)
    {
        var items = entries.Select(e =>
        {
            var item = new Dictionary<string, object?>
            {
                ["id"] = e.Id,
                ["name"] = e.Name ?? e.Id,
                ["category"] = e.Category,
                ["provider"] = e.Provider,
                ["url"] = e.Url.ToString(),
                ["statusPageUrl"] = "https://status.example.test/" + e.Id,
            };
            foreach (var (key, value) in e.Extra ?? new Dictionary<string, object?>())
            {
                item[key] = value;
            }
            return item;
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

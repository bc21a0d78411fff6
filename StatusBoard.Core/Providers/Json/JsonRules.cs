using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Json;

/// <summary>
/// The <c>json</c> rule object: <c>{"status": "$.path", "map": {"ok": "operational"}, "default": "unknown",
/// "summary": "$.path", "updatedAt": "$.path", "components": {"items": "$.path", "name": "$.path", "status": "$.path"}}</c>.
/// Paths are full JSONPath (Newtonsoft's SelectToken), filters included.
/// </summary>
internal sealed record JsonRules(
    string StatusPath,
    IReadOnlyDictionary<string, StatusLevel> Map,
    StatusLevel Default,
    string? SummaryPath,
    string? UpdatedAtPath,
    JsonComponentRules? Components,
    IReadOnlyList<string> Errors) : IProviderRules<JsonRules>
{
    public static JsonRules Read(ProviderInput input)
    {
        var reader = new RuleReader(input.RuleSection("json"), input.RuleKey("json"));
        if (input.RuleSection("json") is null)
        {
            reader.Error($"{input.RuleKey("json")} is required: the rule object that says where the status is");
        }
        var status = Path(reader, "status", required: true)!;
        var map = new Dictionary<string, StatusLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in reader.Child("map")?.GetChildren() ?? [])
        {
            if (reader.ParseLevel(entry.Value, $"{reader.Key("map")}:{entry.Key}") is { } level)
            {
                map[entry.Key] = level;
            }
        }
        JsonComponentRules? components = null;
        if (reader.Child("components") is not null)
        {
            var sub = new RuleReader(reader.Child("components"), reader.Key("components"));
            components = new JsonComponentRules(Path(sub, "items", required: true)!, Path(sub, "name", required: true)!, Path(sub, "status", required: true)!);
            foreach (var error in sub.Errors)
            {
                reader.Error(error);
            }
        }
        return new JsonRules(status, map, reader.Level("default", StatusLevel.Unknown), Path(reader, "summary"), Path(reader, "updatedAt"),
            components, reader.Errors);
    }

    /// <summary>Maps a value: the map first (case-insensitive), then a level's own name, then the default.</summary>
    public StatusLevel LevelOf(string? value) =>
        value is null ? Default
        : Map.TryGetValue(value, out var mapped) ? mapped
        : StatusLevels.TryParseApiName(value, out var named) ? named
        : Default;

    public bool IsMapped(string? value) =>
        value is not null && (Map.ContainsKey(value) || StatusLevels.TryParseApiName(value, out _));

    private static string? Path(RuleReader reader, string name, bool required = false)
    {
        var path = required ? reader.Required(name) : reader.String(name);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        try
        {
            // Newtonsoft parses the path on first use: try it on an empty document to catch syntax errors at start-up.
            _ = new JObject().SelectTokens(path).ToArray();
        }
        catch (JsonException ex)
        {
            reader.Error($"{reader.Key(name)} '{path}' is not a valid JSONPath ({ex.Message})");
        }
        return path;
    }
}

using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Json;

/// <summary>
/// Any JSON API, read by the entry's <c>json</c> rule object (see <see cref="JsonRules"/>). The level is the worst of
/// the mapped status and the mapped component statuses; a status path that matches nothing is <c>unknown</c>
/// naming the path.
/// </summary>
public sealed class JsonProvider : IStatusProvider
{
    private readonly RuleCache<JsonRules> _rules = new();

    public string Name => "json";

    public IEnumerable<string> Validate(ServiceDefinition service) => _rules.Get(service, JsonRules.Read).Errors;

    public ProviderResult Parse(ServiceDefinition service, FetchedPayload payload)
    {
        var rules = _rules.Get(service, JsonRules.Read);
        if (rules.Errors.Count > 0)
        {
            return ProviderResult.Fail($"{Name}: {rules.Errors[0]}");
        }
        if (!JsonPayload.TryDecode(Name, payload.Body, out var bytes, out var error))
        {
            return ProviderResult.Fail(error);
        }
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(bytes)))
            {
                MaxDepth = 64,
                DateParseHandling = DateParseHandling.None, // Keep timestamps as the text the API sent.
            };
            root = JToken.ReadFrom(reader);
        }
        catch (JsonException ex)
        {
            return ProviderResult.Fail($"{Name}: invalid JSON ({JsonPayload.Shorten(ex.Message)})");
        }
        try
        {
            return Read(root, rules);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return ProviderResult.Fail($"{Name}: {JsonPayload.Shorten(ex.Message)}");
        }
    }

    private ProviderResult Read(JToken root, JsonRules rules)
    {
        if (Select(root, rules.StatusPath) is not { } statusToken)
        {
            return ProviderResult.Fail($"{Name}: the status path {rules.StatusPath} matches nothing in the payload");
        }
        var value = Text(statusToken);
        var level = rules.LevelOf(value);
        var components = ReadComponents(root, rules);
        level = components.Select(c => c.Status).Aggregate(level, StatusLevels.Worst);

        var summary = rules.SummaryPath is { } summaryPath ? Text(Select(root, summaryPath)) : null;
        if (!rules.IsMapped(value) && rules.Default == StatusLevel.Unknown)
        {
            // Say what we could not map rather than a bare "unknown".
            summary = $"{Name}: value '{value}' at {rules.StatusPath} is not in the map";
        }
        else if (summary is null && rules.UpdatedAtPath is { } updatedPath && Text(Select(root, updatedPath)) is { } updated
            && DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            summary = $"{level.ToLabel()} (updated {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
        }
        return ProviderResult.Ok(new ParsedStatus(level, summary ?? level.ToLabel(), components, [], []));
    }

    private static ComponentStatus[] ReadComponents(JToken root, JsonRules rules)
    {
        if (rules.Components is not { } spec)
        {
            return [];
        }
        var items = root.SelectTokens(spec.ItemsPath).SelectMany(t => t is JArray array ? (IEnumerable<JToken>)array.Children() : [t]);
        return items
            .Select(item => (Name: Text(Select(item, spec.NamePath)), Status: Text(Select(item, spec.StatusPath))))
            .Where(c => c.Name is not null)
            .Select(c => new ComponentStatus(c.Name!, c.Name!, rules.LevelOf(c.Status)))
            .ToArray();
    }

    /// <summary>The first token a path selects (a filter may select several), or null.</summary>
    private static JToken? Select(JToken root, string path) => root.SelectTokens(path).FirstOrDefault();

    private static string? Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };
}

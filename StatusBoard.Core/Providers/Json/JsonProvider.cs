using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Json;

/// <summary>
/// Any JSON API, read by the entry's <c>json</c> rule object (see <see cref="JsonRules"/>). The level is the worst of
/// the mapped status and the mapped component statuses; a status path that matches nothing is <c>unknown</c>
/// naming the path.
/// </summary>
internal sealed class JsonProvider : RuleProvider<JsonRules>
{
    public override string Name => "json";

    protected override ProviderResult Read(JsonRules rules, FetchedPayload payload)
    {
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
            return Fail($"invalid JSON ({JsonPayload.Shorten(ex.Message)})");
        }
        try
        {
            return ReadDocument(root, rules);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return Fail(JsonPayload.Shorten(ex.Message));
        }
    }

    private ProviderResult ReadDocument(JToken root, JsonRules rules)
    {
        if (Select(root, rules.StatusPath) is not { } statusToken)
        {
            return Fail($"the status path {rules.StatusPath} matches nothing in the payload");
        }
        var value = Text(statusToken);
        var statusLevel = rules.LevelOf(value);
        var components = ReadComponents(root, rules);
        var level = StatusLevels.WorstOf(ComponentReading.Understood(components).Prepend(statusLevel));
        var headline = new PageHeadline(statusLevel, Headline(root, rules, value, statusLevel));
        return ProviderResult.Ok(new ParsedStatus(level, StatusSummary.Describe(level, headline, components, [], []), components, [], []));
    }

    /// <summary>What the API itself says: its summary text, else the mapped level (with its time when given).</summary>
    private string Headline(JToken root, JsonRules rules, string? value, StatusLevel statusLevel)
    {
        if (!rules.IsMapped(value) && rules.Default == StatusLevel.Unknown)
        {
            // Say what we could not map rather than a bare "unknown".
            return $"{Name}: value '{value}' at {rules.StatusPath} is not in the map";
        }
        if (rules.SummaryPath is { } summaryPath && Text(Select(root, summaryPath)) is { } summary)
        {
            return summary;
        }
        if (rules.UpdatedAtPath is { } updatedPath && Text(Select(root, updatedPath)) is { } updated
            && DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return $"{StatusWording.Label(statusLevel)} (updated {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
        }
        return StatusWording.Label(statusLevel);
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
            .Select(c => rules.LevelOf(c.Status) is var level && level != StatusLevel.Unknown
                ? new ComponentStatus(c.Name!, c.Name!, level)
                : ComponentReading.Unrecognised(c.Name!, c.Name!, c.Status))
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

using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>
/// Reads a provider's rule object from the catalog entry and collects every problem with the full configuration key
/// (e.g. <c>StatusBoard:Services:4:json:status</c>), so start-up can name exactly what is wrong.
/// </summary>
internal sealed class RuleReader(IConfigurationSection? section, string keyPrefix)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public string Key(string name) => $"{keyPrefix}:{name}";

    public string? String(string name) => section?[name] is { Length: > 0 } value ? value : null;

    public string Required(string name)
    {
        if (String(name) is { } value)
        {
            return value;
        }
        _errors.Add($"{Key(name)} is required");
        return "";
    }

    public IConfigurationSection? Child(string name) =>
        section?.GetSection(name) is { } child && child.Exists() ? child : null;

    public StatusLevel Level(string name, StatusLevel fallback) => ParseLevel(String(name), Key(name)) ?? fallback;

    public StatusLevel? ParseLevel(string? value, string key)
    {
        if (value is null)
        {
            return null;
        }
        if (StatusLevels.TryParseApiName(value, out var level))
        {
            return level;
        }
        _errors.Add($"{key} '{value}' is not one of operational, degraded, partial_outage, major_outage, maintenance, unknown");
        return null;
    }

    /// <summary>A regular expression named by its key, so that a timeout later on says which rule it was.</summary>
    public RulePattern? Pattern(string? pattern, string key)
    {
        if (pattern is null)
        {
            return null;
        }
        try
        {
            return RulePattern.Create(pattern, key);
        }
        catch (ArgumentException ex)
        {
            _errors.Add($"{key} '{pattern}' is not a valid regular expression ({ex.Message})");
            return null;
        }
    }

    /// <summary><c>rules: [{match, level}, …]</c> in order.</summary>
    public IReadOnlyList<LevelRule> Rules(string name)
    {
        var rules = new List<LevelRule>();
        if (Child(name) is not { } list)
        {
            return rules;
        }
        foreach (var item in list.GetChildren())
        {
            var key = $"{Key(name)}:{item.Key}";
            if (item["match"] is not { Length: > 0 } pattern)
            {
                _errors.Add($"{key}:match is required");
                continue;
            }
            if (item["level"] is not { Length: > 0 } levelName)
            {
                _errors.Add($"{key}:level is required");
                continue;
            }
            if (Pattern(pattern, $"{key}:match") is { } regex && ParseLevel(levelName, $"{key}:level") is { } level)
            {
                rules.Add(new LevelRule(regex, level));
            }
        }
        return rules;
    }

    /// <summary>A list of strings (<c>["a","b"]</c>), or null when the key is absent.</summary>
    public IReadOnlyList<string>? Strings(string name) =>
        Child(name)?.GetChildren().Select(c => c.Value).OfType<string>().ToArray();

    public void Error(string message) => _errors.Add(message);
}

using AngleSharp.Css.Parser;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Html;

/// <summary>
/// The <c>html</c> rule object: <c>{"select": ".banner", "read": "text" | "class" | "attr:NAME", "rules": [{"match":
/// regex, "level": name}], "default": "unknown", "summary": ".banner", "components": {"items": "li.row", "name": ".n",
/// "status": ".s"}}</c>. Rules are tried in order; component statuses use the same rules.
/// </summary>
internal sealed record HtmlRules(
    string Select,
    string ReadAs,
    IReadOnlyList<LevelRule> Rules,
    StatusLevel Default,
    string? Summary,
    HtmlComponentRules? Components,
    IReadOnlyList<string> Errors) : IProviderRules<HtmlRules>
{
    public static HtmlRules Read(ProviderInput input)
    {
        var reader = new RuleReader(input.RuleSection("html"), input.RuleKey("html"));
        if (input.RuleSection("html") is null)
        {
            reader.Error($"{input.RuleKey("html")} is required: the rule object with the selector to read");
        }
        var select = Selector(reader, "select", required: true)!;
        var read = reader.String("read") ?? "text";
        if (read is not ("text" or "class") && !(read.StartsWith("attr:", StringComparison.Ordinal) && read.Length > 5))
        {
            reader.Error($"{reader.Key("read")} '{read}' is not text, class or attr:NAME");
        }
        var rules = reader.Rules("rules");
        if (reader.Child("rules") is null)
        {
            reader.Error($"{reader.Key("rules")} is required: a list of {{\"match\": regex, \"level\": name}}");
        }
        HtmlComponentRules? components = null;
        if (reader.Child("components") is { } section)
        {
            var sub = new RuleReader(section, reader.Key("components"));
            var componentRead = sub.String("read") ?? read;
            if (componentRead is not ("text" or "class") && !(componentRead.StartsWith("attr:", StringComparison.Ordinal) && componentRead.Length > 5))
            {
                sub.Error($"{sub.Key("read")} '{componentRead}' is not text, class or attr:NAME");
            }
            components = new HtmlComponentRules(Selector(sub, "items", true)!, Selector(sub, "name", true)!, Selector(sub, "status", true)!, componentRead);
            foreach (var error in sub.Errors)
            {
                reader.Error(error);
            }
        }
        return new HtmlRules(select, read, rules, reader.Level("default", StatusLevel.Unknown), Selector(reader, "summary"), components, reader.Errors);
    }

    private static string? Selector(RuleReader reader, string name, bool required = false)
    {
        var selector = required ? reader.Required(name) : reader.String(name);
        if (string.IsNullOrEmpty(selector))
        {
            return null;
        }
        if (new CssSelectorParser().ParseSelector(selector) is null)
        {
            reader.Error($"{reader.Key(name)} '{selector}' is not a valid CSS selector");
        }
        return selector;
    }
}

using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Html;

/// <summary>
/// Status pages without an API, read with AngleSharp by the entry's <c>html</c> rules (see <see cref="HtmlRules"/>).
/// AngleSharp's parser runs no scripts and loads nothing; the input is capped so a huge page cannot stall the engine.
/// </summary>
public sealed class HtmlProvider : IStatusProvider
{
    /// <summary>Status pages are tens of kilobytes; anything past this is not worth parsing.</summary>
    public const int MaxHtmlBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Real status pages have a few thousand elements. HTML's error recovery is quadratic on some inputs (thousands of
    /// unclosed formatting tags), so a page far beyond that is refused before parsing rather than parsed for seconds.
    /// </summary>
    public const int MaxElements = 15_000;

    /// <summary>Real status pages nest a few dozen deep; HTML's tree building is quadratic in depth.</summary>
    public const int MaxDepth = 512;

    private static readonly HtmlParser s_parser = new(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
    private readonly RuleCache<HtmlRules> _rules = new();

    public string Name => "html";

    public IEnumerable<string> Validate(ServiceDefinition service) => _rules.Get(service, HtmlRules.Read).Errors;

    public ProviderResult Parse(ServiceDefinition service, FetchedPayload payload)
    {
        var rules = _rules.Get(service, HtmlRules.Read);
        if (rules.Errors.Count > 0)
        {
            return ProviderResult.Fail($"{Name}: {rules.Errors[0]}");
        }
        if (payload.Body.IsEmpty)
        {
            return ProviderResult.Fail($"{Name}: the response body is empty");
        }
        if (payload.Body.Length > MaxHtmlBytes)
        {
            return ProviderResult.Fail($"{Name}: the page is {payload.Body.Length / 1024} kB, over the {MaxHtmlBytes / 1024 / 1024} MB cap for HTML");
        }
        var shape = HtmlShape.Measure(payload.Body.Span, MaxElements);
        if (shape.Elements > MaxElements)
        {
            return ProviderResult.Fail($"{Name}: the page has over {MaxElements:N0} elements, far more than a status page; not parsed");
        }
        if (shape.MaxDepth > MaxDepth)
        {
            return ProviderResult.Fail($"{Name}: the page nests elements over {MaxDepth} deep, far more than a status page; not parsed");
        }
        try
        {
            using var document = s_parser.ParseDocument(Encoding.UTF8.GetString(payload.Body.Span));
            return Read(document, rules);
        }
        catch (Exception ex) when (ex is DomException or InvalidOperationException or ArgumentException)
        {
            return ProviderResult.Fail($"{Name}: could not read the page ({JsonPayload.Shorten(ex.Message)})");
        }
    }

    private ProviderResult Read(IDocument document, HtmlRules rules)
    {
        if (document.QuerySelector(rules.Select) is not { } element)
        {
            return ProviderResult.Fail($"{Name}: the selector '{rules.Select}' matches nothing on the page");
        }
        var value = ReadValue(element, rules.ReadAs);
        var level = LevelRule.FirstMatch(rules.Rules, value) ?? rules.Default;

        var components = rules.Components is { } spec
            ? document.QuerySelectorAll(spec.Items)
                .Select(item => (Name: Clean(item.QuerySelector(spec.Name)?.TextContent), Status: item.QuerySelector(spec.Status)))
                .Where(c => c.Name.Length > 0)
                .Select(c => new ComponentStatus(c.Name, c.Name, LevelRule.FirstMatch(rules.Rules, c.Status is null ? "" : ReadValue(c.Status, spec.ReadAs)) ?? rules.Default))
                .ToArray()
            : [];
        level = components.Select(c => c.Status).Aggregate(level, StatusLevels.Worst);

        var summary = rules.Summary is { } summarySelector ? Clean(document.QuerySelector(summarySelector)?.TextContent) : Clean(value);
        return ProviderResult.Ok(new ParsedStatus(level, summary.Length > 0 ? Shorten(summary) : level.ToLabel(), components, [], []));
    }

    private static string ReadValue(IElement element, string read) => read switch
    {
        "text" => Clean(element.TextContent),
        "class" => element.ClassName ?? "",
        _ => element.GetAttribute(read["attr:".Length..]) ?? "",
    };

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 197), "...");
}

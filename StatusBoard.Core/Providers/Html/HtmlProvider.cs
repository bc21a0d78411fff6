using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Html;

/// <summary>
/// Status pages without an API, read with AngleSharp by the entry's <c>html</c> rules (see <see cref="HtmlRules"/>).
/// AngleSharp's parser runs no scripts and loads nothing; the input is capped so a huge page cannot stall the engine.
/// </summary>
internal sealed class HtmlProvider : RuleProvider<HtmlRules>
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

    public override string Name => "html";

    protected override ProviderResult Read(HtmlRules rules, FetchedPayload payload)
    {
        if (payload.Body.IsEmpty)
        {
            return Fail("the response body is empty");
        }
        if (payload.Body.Length > MaxHtmlBytes)
        {
            return Fail($"the page is {payload.Body.Length / 1024} kB, over the {MaxHtmlBytes / 1024 / 1024} MB cap for HTML");
        }
        var shape = HtmlShape.Measure(payload.Body.Span, MaxElements);
        if (shape.Elements > MaxElements)
        {
            return Fail($"the page has over {MaxElements:N0} elements, far more than a status page; not parsed");
        }
        if (shape.MaxDepth > MaxDepth)
        {
            return Fail($"the page nests elements over {MaxDepth} deep, far more than a status page; not parsed");
        }
        try
        {
            using var document = s_parser.ParseDocument(Encoding.UTF8.GetString(payload.Body.Span));
            return ReadDocument(document, rules);
        }
        catch (Exception ex) when (ex is DomException or InvalidOperationException or ArgumentException)
        {
            return Fail($"could not read the page ({JsonPayload.Shorten(ex.Message)})");
        }
    }

    private ProviderResult ReadDocument(IDocument document, HtmlRules rules)
    {
        if (document.QuerySelector(rules.Select) is not { } element)
        {
            return Fail($"the selector '{rules.Select}' matches nothing on the page");
        }
        var value = ReadValue(element, rules.ReadAs);
        var bannerLevel = LevelRule.FirstMatch(rules.Rules, value) ?? rules.Default;
        var components = rules.Components is { } spec
            ? document.QuerySelectorAll(spec.Items)
                .Select(item => (Name: Clean(item.QuerySelector(spec.Name)?.TextContent), Status: item.QuerySelector(spec.Status)))
                .Where(c => c.Name.Length > 0)
                .Select(c => ReadComponent(c.Name, c.Status is null ? "" : ReadValue(c.Status, spec.ReadAs), rules))
                .ToArray()
            : [];
        var level = StatusLevels.WorstOf(ComponentReading.Understood(components).Prepend(bannerLevel));

        // The selected element is the page's own headline; the summary selector, when given, holds its words.
        var words = rules.Summary is { } summarySelector ? Clean(document.QuerySelector(summarySelector)?.TextContent) : Clean(value);
        var headline = new PageHeadline(bannerLevel, words.Length > 0 ? Shorten(words) : StatusWording.Label(bannerLevel));
        return ProviderResult.Ok(new ParsedStatus(level, StatusSummary.Describe(level, headline, components, [], []), components, [], []));
    }

    private static ComponentStatus ReadComponent(string name, string status, HtmlRules rules)
    {
        var level = LevelRule.FirstMatch(rules.Rules, status) ?? rules.Default;
        return level == StatusLevel.Unknown ? ComponentReading.Unrecognised(name, name, status) : new ComponentStatus(name, name, level);
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

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>What <c>detect</c> found for one status page: a ready catalog entry, or what was tried and why nothing matched.</summary>
public sealed record DetectedEntry(
    Uri Page, bool Found, string Id, string Name, string? Provider, Uri? Url, IReadOnlyList<string> Components,
    IReadOnlyList<string> Tried);

/// <summary>
/// Runs the auto-detector once against a status page URL (the engine's own detection, through the same fetcher) and
/// describes the catalog entry it would poll: provider, machine URL, the page's name and its component names.
/// </summary>
public sealed partial class EntryDetector
{
    private readonly AutoDetector _detector;
    private readonly Fetcher _fetcher;

    internal EntryDetector(AutoDetector detector, Fetcher fetcher)
    {
        _detector = detector;
        _fetcher = fetcher;
    }

    public async Task<DetectedEntry> DetectAsync(Uri page, CancellationToken cancellationToken)
    {
        var id = IdFor(page);
        var tried = new List<string>();
        var service = new ServiceDefinition
        {
            Id = id, Name = id, Category = "Other", Provider = AutoDetector.ProviderName, Url = page,
            StatusPageUrl = page.AbsoluteUri,
        };
        var (detection, lastFetch, result) = await _detector.DetectAsync(service, async url =>
        {
            var fetch = await _fetcher.FetchAsync(url, null, cancellationToken).ConfigureAwait(false);
            tried.Add($"{url} → {Describe(fetch)}");
            return fetch;
        }).ConfigureAwait(false);
        _detector.Forget(service);

        if (detection is null || result?.Status is not { } status)
        {
            return new DetectedEntry(page, false, id, id, null, null, [], tried);
        }
        var name = NameFrom(lastFetch.Payload) ?? id;
        var components = status.Components.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();
        return new DetectedEntry(page, true, id, name, detection.Provider.Name, detection.Url, components, tried);
    }

    private static string Describe(FetchResult fetch) => fetch.Payload is { } payload
        ? payload.StatusCode is >= 200 and < 300 ? $"HTTP {payload.StatusCode} ({payload.ContentType ?? "no content type"}, {payload.Body.Length} bytes)" : Fetcher.DescribeStatus(payload.StatusCode)
        : fetch.Error ?? "no answer";

    /// <summary>A catalog id from the page's host: <c>status.openai.com</c> → <c>openai</c>, <c>www.githubstatus.com</c> → <c>githubstatus</c>.</summary>
    public static string IdFor(Uri page)
    {
        var labels = page.Host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (labels.Count > 1 && !labels.All(l => l.All(char.IsAsciiDigit)))
        {
            labels.RemoveAt(labels.Count - 1); // the top-level domain says nothing about the service
        }
        labels.RemoveAll(l => l is "www" or "status" or "statuspage");
        var id = NotIdCharacters().Replace(string.Join('-', labels), "-").Trim('-');
        id = MultipleDashes().Replace(id, "-");
        return id.Length > 0 ? id : "service";
    }

    /// <summary>The page's own name, from the platform JSON (<c>page.name</c>, Better Stack's company name) or a feed title.</summary>
    private static string? NameFrom(FetchedPayload? payload)
    {
        if (payload is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(payload.Body);
            var root = document.RootElement;
            if (root.TryGetProperty("page", out var pageElement) && pageElement.ValueKind == JsonValueKind.Object
                && pageElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
                && attributes.TryGetProperty("company_name", out var company) && company.ValueKind == JsonValueKind.String)
            {
                return company.GetString();
            }
            return null;
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(payload.Body.Span[..Math.Min(payload.Body.Length, 64 * 1024)]);
            return FeedTitle().Match(text) is { Success: true } title ? System.Net.WebUtility.HtmlDecode(title.Groups[1].Value).Trim() : null;
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleDashes();

    [GeneratedRegex("<title[^>]*>\\s*(?:<!\\[CDATA\\[)?([^<\\]]+)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FeedTitle();
}

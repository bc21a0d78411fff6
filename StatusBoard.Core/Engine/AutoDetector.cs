using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>
/// Provider <c>auto</c>: the entry's <c>url</c> is only a status page's base URL. Detects the platform once by trying
/// the machine endpoints each platform serves, remembers the result, and forgets it when that endpoint stops parsing
/// so the next poll detects again (pages migrate between platforms).
/// </summary>
internal sealed partial class AutoDetector(ProviderRegistry providers, PayloadInterpreter interpreter, ILogger<AutoDetector> logger)
{
    public const string ProviderName = ServiceDefinition.AutoDetect;

    private readonly ConcurrentDictionary<string, Detection> _detected = new(StringComparer.Ordinal);

    public sealed record Detection(IStatusProvider Provider, Uri Url);

    public Detection? Known(ServiceDefinition service) => _detected.GetValueOrDefault(service.Id);

    public void Forget(ServiceDefinition service)
    {
        if (_detected.TryRemove(service.Id, out var old))
        {
            LogForgotten(logger, service.Id, old.Provider.Name, old.Url);
        }
    }

    /// <summary>Tries each candidate endpoint with <paramref name="fetch"/>; the first that a provider parses wins.</summary>
    public async Task<(Detection? Detection, FetchResult LastFetch, ProviderResult? Result)> DetectAsync(
        ServiceDefinition service, Func<Uri, Task<FetchResult>> fetch)
    {
        var root = service.Url.AbsoluteUri.TrimEnd('/');
        (string Path, string[] Providers)[] candidates =
        [
            ("/api/v2/summary.json", ["statuspage", "instatus"]),
            ("/summary.json", ["instatus"]),
            ("/index.json", ["betterstack"]),
        ];
        FetchResult last = FetchResult.Fail("no platform endpoint answered", TimeSpan.Zero);
        foreach (var (path, names) in candidates)
        {
            last = await fetch(new Uri(root + path)).ConfigureAwait(false);
            if (last.Payload is not { StatusCode: >= 200 and < 300 } payload)
            {
                continue;
            }
            foreach (var name in names)
            {
                if (providers.TryGet(name, out var provider) && interpreter.Parse(provider, service, payload) is { IsSuccess: true } result)
                {
                    var chosen = name == "statuspage" && LooksLikeIncidentIo(payload.Body.Span) && providers.TryGet("incidentio", out var io) ? io : provider;
                    return (Remember(service, chosen, payload.Url), last, result);
                }
            }
        }

        // A page without a JSON API may still advertise a feed.
        last = await fetch(service.Url).ConfigureAwait(false);
        if (last.Payload is { StatusCode: >= 200 and < 300 } page && FeedLink(page) is { } feed && providers.TryGet("rss", out var rss))
        {
            var feedFetch = await fetch(feed).ConfigureAwait(false);
            if (feedFetch.Payload is { } feedPayload && interpreter.Parse(rss, service, feedPayload) is { IsSuccess: true } result)
            {
                return (Remember(service, rss, feed), feedFetch, result);
            }
            last = feedFetch;
        }
        return (null, last, null);
    }

    private Detection Remember(ServiceDefinition service, IStatusProvider provider, Uri url)
    {
        var detection = new Detection(provider, url);
        _detected[service.Id] = detection;
        LogDetected(logger, service.Id, provider.Name, url);
        return detection;
    }

    // incident.io's compatible summary has no scheduled_maintenances key (ARCHITECTURE.md).
    private static bool LooksLikeIncidentIo(ReadOnlySpan<byte> body) => body.IndexOf("\"scheduled_maintenances\""u8) < 0;

    private static Uri? FeedLink(Providers.FetchedPayload page)
    {
        var html = Encoding.UTF8.GetString(page.Body.Span[..Math.Min(page.Body.Length, 512 * 1024)]);
        foreach (Match link in LinkTag().Matches(html))
        {
            var tag = link.Value;
            if (FeedType().IsMatch(tag) && Href().Match(tag) is { Success: true } href
                && Uri.TryCreate(page.Url, System.Net.WebUtility.HtmlDecode(href.Groups[1].Value), out var url)
                && url.Scheme is "http" or "https")
            {
                return url;
            }
        }
        return null;
    }

    [GeneratedRegex("<link\\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LinkTag();

    [GeneratedRegex("type\\s*=\\s*[\"']application/(rss|atom)\\+xml[\"']", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FeedType();

    [GeneratedRegex("href\\s*=\\s*[\"']([^\"']+)[\"']", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Href();

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: auto-detected provider {Provider} at {Url}")]
    private static partial void LogDetected(ILogger logger, string serviceId, string provider, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ServiceId}: {Provider} at {Url} stopped parsing; detecting again")]
    private static partial void LogForgotten(ILogger logger, string serviceId, string provider, Uri url);
}

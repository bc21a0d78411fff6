using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Rss;

/// <summary>
/// RSS 2.0 and Atom feeds (AWS per-service feeds, Azure's status feed, Statuspage <c>history.atom</c>, custom feeds).
/// An item newer than the window whose title, body or categories do not say it is resolved is an active incident,
/// at the level of the first matching rule (else the default, degraded); otherwise the service is operational.
/// </summary>
internal sealed class RssProvider(TimeProvider time) : RuleProvider<RssRules>
{
    public override string Name => "rss";

    protected override ProviderResult Read(RssRules rules, FetchedPayload payload)
    {
        if (payload.Body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail("the response body is empty");
        }
        if (FeedReader.Read(payload.Body, out var error) is not { } items)
        {
            return Fail(error);
        }

        var since = time.GetUtcNow() - rules.Window;
        var resolved = items.Where(i => rules.SaysResolved($"{i.Title} {i.Body} {string.Join(' ', i.Categories)}")).ToArray();
        var incidents = items
            .Where(i => i.Published is { } at && at >= since)
            .Where(i => !resolved.Contains(i) && !SupersededByResolution(i, resolved))
            .Select(i => ToIncident(i, rules))
            .OrderByDescending(i => i.StartedAt)
            .ToArray();
        var level = StatusLevels.WorstOf(incidents.Select(i => i.Impact));
        var quiet = $"No open incidents in the feed's last {Describe(rules.Window)}";
        return ProviderResult.Ok(new ParsedStatus(level, StatusSummary.Describe(level, null, [], incidents, [], quiet), [], incidents, []));
    }

    /// <summary>
    /// Feeds like AWS's post every update of one event as its own item ("Service degradation: X", later
    /// "Service is operating normally: X"): an item whose subject a newer item resolved is over too.
    /// </summary>
    private static bool SupersededByResolution(FeedItem item, FeedItem[] resolved)
    {
        var subject = FeedSubject.Of(item.Title);
        return subject.Length > 0 && resolved.Any(r => r.Published >= item.Published && FeedSubject.Of(r.Title) == subject);
    }

    private static Incident ToIncident(FeedItem item, RssRules rules) => new(
        Id: item.Id,
        Title: item.Title.Length > 0 ? item.Title : "(untitled item)",
        Status: "open",
        Impact: LevelRule.FirstMatch(rules.Rules, $"{item.Title} {item.Body}") ?? rules.Default,
        StartedAt: item.Published,
        UpdatedAt: item.Published,
        Url: item.Link,
        Components: item.Categories,
        Updates: item.Body.Length > 0 ? [new IncidentUpdate(item.Published, "", item.Body)] : []);

    private static string Describe(TimeSpan window) =>
        window.TotalHours % 24 == 0 ? $"{window.TotalDays:0} day{(window.TotalDays == 1 ? "" : "s")}" : $"{window.TotalHours:0.#} h";
}

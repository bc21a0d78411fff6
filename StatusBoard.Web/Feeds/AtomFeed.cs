using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using StatusBoard.Core.History;
using StatusBoard.Web.Levels;

namespace StatusBoard.Web.Feeds;

/// <summary><c>/feed.atom</c>: one Atom entry per incident or maintenance, its updates as the content, newest first.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Build(FeedSelection selection, IReadOnlyList<FeedEntry> entries, Uri baseUrl, Uri selfUrl, DateTimeOffset emptyUpdated)
    {
        var feed = new SyndicationFeed(selection.Title, "Incidents and maintenance watched by StatusBoard", baseUrl,
            "urn:statusboard:feed:" + selection.Key, entries.Count > 0 ? entries[0].Updated : emptyUpdated);
        feed.Authors.Add(new SyndicationPerson { Name = "StatusBoard" });
        feed.Links.Add(new SyndicationLink(selfUrl, "self", null, "application/atom+xml", 0));
        feed.Items = entries.Select(entry => Item(entry, baseUrl)).ToList();

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(writer);
        }
        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedEntry entry, Uri baseUrl)
    {
        var details = new Uri(baseUrl, "service/" + Uri.EscapeDataString(entry.Service.Id));
        var title = $"{entry.Service.Name}: {(entry.Kind == IncidentRecord.MaintenanceKind ? "Maintenance: " : "")}{entry.Title}"
            + (entry.ResolvedAt is null ? "" : " (resolved)");
        var item = new SyndicationItem(title, SyndicationContent.CreatePlaintextContent(Content(entry)),
            WebLink(entry.Url) ?? WebLink(entry.Service.StatusPageUrl) ?? details,
            $"urn:statusboard:{entry.Service.Id}:{entry.Kind}:{entry.Id}", entry.Updated);
        if (entry.StartedAt is { } started)
        {
            item.PublishDate = started;
        }
        item.Links.Add(new SyndicationLink(details, "related", "StatusBoard details", "text/html", 0));
        item.Categories.Add(new SyndicationCategory(entry.Kind));
        item.Categories.Add(new SyndicationCategory(entry.Service.Category));
        return item;
    }

    private static string Content(FeedEntry entry)
    {
        var text = new StringBuilder();
        text.Append(entry.ResolvedAt is { } resolved ? $"Resolved {Format(resolved)}" : $"{LevelWording.ToLabel(entry.Impact)} · {entry.Status}");
        if (entry.ScheduledFor is { } from)
        {
            text.Append($" · scheduled {Format(from)} – {(entry.ScheduledUntil is { } until ? Format(until) : "end not announced")}");
        }
        foreach (var update in entry.Updates)
        {
            text.Append("\n\n").Append(update.At is { } at ? Format(at) + " — " : "").Append(update.Status).Append(": ").Append(update.Body);
        }
        return text.ToString();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static Uri? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace StatusBoard.Core.Providers.Rss;

/// <summary>
/// Reads RSS 2.0 and Atom safely: DTDs are prohibited and nothing external is resolved, so a feed with an external
/// entity is refused instead of leaking a file or calling out.
/// </summary>
internal static partial class FeedReader
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 10_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";

    /// <summary>Null and a reason when the body is not a readable RSS or Atom feed.</summary>
    public static IReadOnlyList<FeedItem>? Read(ReadOnlyMemory<byte> body, out string error)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, s_settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            error = "the feed declares a DTD, which is refused (no entities are expanded)";
            return null;
        }
        catch (XmlException ex)
        {
            error = $"not well-formed XML ({ex.Message})";
            return null;
        }
        var root = document.Root!;
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF")
        {
            error = "";
            return root.Descendants().Where(e => e.Name.LocalName == "item").Select(ReadRssItem).ToArray();
        }
        if (root.Name == s_atom + "feed")
        {
            error = "";
            return root.Elements(s_atom + "entry").Select(ReadAtomEntry).ToArray();
        }
        error = $"the XML root is <{root.Name.LocalName}>, not an RSS or Atom feed";
        return null;
    }

    private static FeedItem ReadRssItem(XElement item)
    {
        string? Child(string name) => item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var title = PlainText(Child("title"));
        return new FeedItem(
            Id: Child("guid") ?? Child("link") ?? title,
            Title: title,
            Body: PlainText(Child("description") ?? Child("encoded")),
            Categories: item.Elements().Where(e => e.Name.LocalName == "category").Select(e => e.Value.Trim()).ToArray(),
            Published: ParseDate(Child("pubDate") ?? Child("date")),
            Link: Child("link")?.Trim());
    }

    private static FeedItem ReadAtomEntry(XElement entry)
    {
        var title = PlainText(entry.Element(s_atom + "title")?.Value);
        var link = entry.Elements(s_atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        return new FeedItem(
            Id: entry.Element(s_atom + "id")?.Value ?? link ?? title,
            Title: title,
            Body: PlainText(entry.Element(s_atom + "content")?.Value ?? entry.Element(s_atom + "summary")?.Value),
            Categories: entry.Elements(s_atom + "category").Select(c => (string?)c.Attribute("term") ?? "").Where(t => t.Length > 0).ToArray(),
            Published: ParseDate(entry.Element(s_atom + "updated")?.Value ?? entry.Element(s_atom + "published")?.Value),
            Link: link);
    }

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        // RFC 822 as RSS sends it, with named zones such as PDT that .NET does not parse by itself.
        var normalized = ZoneSuffix().Replace(text, m => m.Groups[1].Value switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+0000",
            "EST" => "-0500", "EDT" => "-0400", "CST" => "-0600", "CDT" => "-0500",
            "MST" => "-0700", "MDT" => "-0600", "PST" => "-0800", "PDT" => "-0700",
            _ => m.Value,
        });
        normalized = NumericZone().Replace(normalized, " $1$2:$3");
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz"];
        if (DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return exact;
        }
        // Atom and many custom feeds use ISO 8601.
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    /// <summary>Feed text often carries HTML (Azure, Statuspage's history.atom, xAI): keep only the words.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"\b(GMT|UTC|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$")]
    private static partial Regex ZoneSuffix();

    [GeneratedRegex(@" ([+-])(\d\d)(\d\d)$")]
    private static partial Regex NumericZone();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tags();
}

using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using FluentAssertions;

namespace StatusBoard.Tests.Web.Feeds;

/// <summary><c>/feed.atom</c> of the real app, read back with System.ServiceModel.Syndication and, independently, as plain XML.</summary>
public sealed class AtomFeedTests(FeedApp feed) : IClassFixture<FeedApp>
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";

    internal static async Task<HttpResponseMessage> GetAsync(FeedApp feed, string url, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var client = feed.App.CreateClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<string> BodyAsync(string url)
    {
        using var response = await GetAsync(feed, url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Feed_LoadedBySyndication_HasOneEntryPerIncidentAndMaintenance_WithUpdates_AndYesterdaysResolution()
    {
        // Act
        var text = await BodyAsync("/feed.atom");
        using var reader = XmlReader.Create(new StringReader(text));
        var loaded = SyndicationFeed.Load(reader);

        // Assert
        var items = loaded.Items.ToDictionary(i => i.Id);
        items.Keys.Should().BeEquivalentTo("urn:statusboard:gh:incident:inc1", "urn:statusboard:gh:maintenance:m1", "urn:statusboard:gh:incident:yesterday");
        var open = items["urn:statusboard:gh:incident:inc1"];
        open.Title.Text.Should().Be("GitHub: Elevated errors");
        ((TextSyndicationContent)open.Content).Text.Should().Contain("investigating: Actions runs are delayed.");
        open.LastUpdatedTime.Should().Be(DateTimeOffset.Parse("2026-11-25T10:05:00Z"), "updated is the incident's latest update");
        open.Links.Should().Contain(l => l.RelationshipType == "related" && l.Uri.AbsolutePath == "/service/gh");
        var resolved = items["urn:statusboard:gh:incident:yesterday"];
        resolved.Title.Text.Should().Be("GitHub: Incident yesterday (resolved)");
        resolved.LastUpdatedTime.Should().Be(DateTimeOffset.Parse("2026-11-24T09:30:00Z"));
        ((TextSyndicationContent)resolved.Content).Text.Should().Contain("yesterday update 2").And.Contain("yesterday update 1");
        items["urn:statusboard:gh:maintenance:m1"].Title.Text.Should().Be("GitHub: Maintenance: Database upgrade");
        loaded.LastUpdatedTime.Should().Be(open.LastUpdatedTime, "the feed is as new as its newest entry");
    }

    [Fact]
    public async Task Feed_ReadAsPlainXml_IsValidAtom_NewestFirst()
    {
        // Act
        var document = XDocument.Parse(await BodyAsync("/feed.atom"));

        // Assert: the Atom elements a reader needs, read without the library that wrote them.
        var root = document.Root!;
        root.Name.Should().Be(s_atom + "feed");
        root.Element(s_atom + "id").Should().NotBeNull();
        root.Element(s_atom + "title")!.Value.Should().Be("StatusBoard: all services");
        root.Elements(s_atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "self");
        var entries = root.Elements(s_atom + "entry").ToList();
        entries.Should().HaveCount(3);
        foreach (var entry in entries)
        {
            entry.Element(s_atom + "id")!.Value.Should().StartWith("urn:statusboard:");
            entry.Element(s_atom + "title")!.Value.Should().NotBeEmpty();
            ((string?)entry.Element(s_atom + "content")!.Attribute("type")).Should().Be("text");
        }
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(s_atom + "updated")!.Value)).ToList();
        updated.Should().BeInDescendingOrder();
        entries.Select(e => e.Element(s_atom + "id")!.Value).Should().NotContain(id => id.EndsWith(":january"), "resolved long ago");
    }

    [Theory]
    [InlineData("/feed.atom?service=npm", 0)]
    [InlineData("/feed.atom?service=gh", 3)]
    [InlineData("/feed.atom?category=code%20%26%20ci", 3)]
    [InlineData("/feed.atom?category=Package%20Registries", 0)]
    [InlineData("/feed.atom?board=dev", 3)]
    [InlineData("/feed.atom?board=dev&category=Package%20Registries", 0)]
    public async Task Feed_Filtered_HasOnlyThoseServicesEntries(string url, int entries)
    {
        var document = XDocument.Parse(await BodyAsync(url));

        document.Root!.Elements(s_atom + "entry").Should().HaveCount(entries);
    }

    [Theory]
    [InlineData("/feed.atom?board=nope", "Unknown board")]
    [InlineData("/feed.atom?category=nope", "Unknown category")]
    [InlineData("/feed.atom?service=nope", "Unknown service")]
    [InlineData("/maintenance.ics?board=nope", "Unknown board")]
    public async Task Feed_UnknownFilter_Is404ProblemDetails(string url, string title)
    {
        using var response = await GetAsync(feed, url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain(title);
    }

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/feed.atom?board=dev")]
    [InlineData("/maintenance.ics")]
    public async Task Feed_WithItsETag_Is304_AndHeadAnswersWithoutBody(string url)
    {
        // Arrange
        using var first = await GetAsync(feed, url);
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();
        etag!.IsWeak.Should().BeFalse();

        // Act
        using var again = await GetAsync(feed, url, etag.Tag);
        using var head = await GetAsync(feed, url, method: HttpMethod.Head);

        // Assert
        again.StatusCode.Should().Be(HttpStatusCode.NotModified);
        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Headers.ETag!.Tag.Should().Be(etag.Tag);
        (await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task OpenApiDocument_ListsBothFeeds()
    {
        using var response = await GetAsync(feed, "/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        document.Should().Contain("\"/feed.atom\"").And.Contain("\"/maintenance.ics\"");
    }
}

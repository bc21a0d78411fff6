using System.Net;
using FluentAssertions;
using Ical.Net;

namespace StatusBoard.Tests.Web.Feeds;

/// <summary><c>/maintenance.ics</c>, read back with Ical.Net and, independently, by RFC 5545 line unfolding.</summary>
public sealed class MaintenanceCalendarTests(FeedApp feed) : IClassFixture<FeedApp>
{
    private async Task<string> CalendarAsync(string url)
    {
        using var response = await AtomFeedTests.GetAsync(feed, url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Calendar_LoadedByIcalNet_HasTheUpcomingWindow()
    {
        // Act
        var calendar = Calendar.Load(await CalendarAsync("/maintenance.ics"))!;

        // Assert
        var window = calendar.Events.Should().ContainSingle().Subject;
        window.Uid.Should().Be("gh.m1@statusboard");
        window.Summary.Should().Be("GitHub: Database upgrade");
        window.Description.Should().Contain(FeedPayloads.MaintenanceBody).And.Contain("Affects: API");
        window.Start!.AsUtc.Should().Be(new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc));
        window.End!.AsUtc.Should().Be(new DateTime(2026, 11, 26, 4, 0, 0, DateTimeKind.Utc));
        window.Url.Should().Be(new Uri("https://stspg.io/m1"));
    }

    [Fact]
    public async Task Calendar_ReadByUnfoldingLines_HasEveryPropertyOfTheEvent()
    {
        // Act
        var text = await CalendarAsync("/maintenance.ics");
        var lines = Unfold(text);

        // Assert: RFC 5545 lines end in CRLF and are folded at 75 octets; unfolded they carry the whole values.
        text.Split("\r\n").Should().OnlyContain(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        lines[0].Should().Be("BEGIN:VCALENDAR");
        var vevent = lines.SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT").ToList();
        Property(vevent, "UID").Should().Be("gh.m1@statusboard");
        Property(vevent, "DTSTART").Should().Be("20261126T020000Z");
        Property(vevent, "DTEND").Should().Be("20261126T040000Z");
        Property(vevent, "SUMMARY").Should().Be("GitHub: Database upgrade");
        Property(vevent, "URL").Should().Be("https://stspg.io/m1");
        Property(vevent, "DESCRIPTION").Should().Contain(FeedPayloads.MaintenanceBody.Replace(",", "\\,", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calendar_SameWindow_KeepsItsUidAndBytes_AcrossRequests()
    {
        var first = await CalendarAsync("/maintenance.ics?board=dev");
        var second = await CalendarAsync("/maintenance.ics?board=dev");

        second.Should().Be(first);
        Unfold(first).Should().Contain("UID:gh.m1@statusboard");
    }

    [Fact]
    public async Task Calendar_OfAServiceWithoutMaintenance_HasNoEvent()
    {
        var lines = Unfold(await CalendarAsync("/maintenance.ics?service=npm"));

        lines.Should().Contain("BEGIN:VCALENDAR").And.NotContain("BEGIN:VEVENT");
    }

    /// <summary>RFC 5545 3.1: a CRLF followed by one space or tab continues the previous line.</summary>
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split("\r\n"))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += raw[1..];
            }
            else if (raw.Length > 0)
            {
                lines.Add(raw);
            }
        }
        return lines;
    }

    /// <summary>The value of <paramref name="name"/> (parameters such as <c>;VALUE=URI</c> skipped).</summary>
    private static string? Property(IEnumerable<string> lines, string name) =>
        lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..])
            .FirstOrDefault();
}

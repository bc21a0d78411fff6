using System.Text;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.Http;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

public class HttpProbeProviderTests
{
    private readonly HttpProbeProvider _provider = new();

    private static FetchedPayload Answer(int status, string body, int ms) =>
        new(Payloads.DefaultUrl, status, Encoding.UTF8.GetBytes(body), "text/html", TimeSpan.FromMilliseconds(ms));

    [Theory]
    [InlineData("{}", 200, "hello", 100, StatusLevel.Operational, "HTTP 200 in 100 ms")]
    [InlineData("{}", 204, "", 100, StatusLevel.Operational, "HTTP 204 in 100 ms")]
    [InlineData("{}", 503, "down", 100, StatusLevel.MajorOutage, "HTTP 503, expected 2xx")]
    [InlineData("{}", 200, "hello", 2500, StatusLevel.Degraded, "Slow: 2500 ms (over 2000 ms)")]
    [InlineData("{'http':{'expect':301}}", 301, "", 10, StatusLevel.Operational, "HTTP 301 in 10 ms")]
    [InlineData("{'http':{'expect':200}}", 201, "", 10, StatusLevel.MajorOutage, "HTTP 201, expected 200")]
    [InlineData("{'http':{'keyword':'All systems go'}}", 200, "<p>All systems go</p>", 10, StatusLevel.Operational, "HTTP 200 in 10 ms")]
    [InlineData("{'http':{'keyword':'All systems go'}}", 200, "<p>Maintenance</p>", 10, StatusLevel.MajorOutage, "HTTP 200 but the page does not contain 'All systems go'")]
    [InlineData("{'http':{'slowMs':50}}", 200, "", 80, StatusLevel.Degraded, "Slow: 80 ms (over 50 ms)")]
    public void LevelFromStatusKeywordAndLatency(string entry, int status, string body, int ms, StatusLevel level, string summary)
    {
        var result = _provider.Parse(RuleEntries.Input(entry), Answer(status, body, ms));

        result.Status!.Level.Should().Be(level);
        result.Status.Summary.Should().Be(summary);
    }

    [Fact]
    public void NonSuccessStatus_IsDataForTheProbe() => _provider.AcceptsAnyStatusCode.Should().BeTrue();

    [Theory]
    [InlineData("{'http':{'expect':'ok'}}", "StatusBoard:Services:0:http:expect 'ok' is not an HTTP status code")]
    [InlineData("{'http':{'slowMs':'-5'}}", "StatusBoard:Services:0:http:slowMs '-5' is not a positive number of milliseconds")]
    public void BadRules_AreStartUpErrorsNamingTheKey(string entry, string expected)
    {
        _provider.Validate(RuleEntries.Input(entry)).Should().Contain(expected);
    }
}

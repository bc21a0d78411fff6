using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Engine;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Engine;

/// <summary>The interpreter on plain payloads: status codes, a 304 read again from the remembered body, a provider crash.</summary>
public sealed class PayloadInterpreterTests
{
    private static readonly ServiceDefinition Service = new() { Id = "svc", Name = "Svc", Category = "Test", Provider = "fake", Url = new Uri("https://status.example.test/") };

    /// <summary>Reads the body as the level's API name, counting its calls; "throw" throws.</summary>
    private sealed class FakeProvider : IStatusProvider
    {
        public int Calls { get; private set; }

        public string Name => "fake";

        public ProviderResult Parse(ProviderInput input, FetchedPayload payload)
        {
            Calls++;
            var text = Encoding.UTF8.GetString(payload.Body.Span);
            return text == "throw" ? throw new InvalidOperationException("bug")
                : text == "operational" ? ProviderResult.Ok(ParsedStatus.Of(StatusLevel.Operational, $"read in {payload.Elapsed.TotalMilliseconds} ms"))
                : ProviderResult.Fail("fake: unreadable");
        }
    }

    private static readonly PayloadInterpreter Interpreter = new(new ProviderRegistry([]), NullLogger<PayloadInterpreter>.Instance);

    private static FetchResult Answer(int status, string body = "", string? etag = null, int ms = 10) =>
        FetchResult.Ok(new FetchedPayload(Service.Url, status, Encoding.UTF8.GetBytes(body), "text/plain", TimeSpan.FromMilliseconds(ms))
        {
            Headers = etag is null ? new Dictionary<string, string>() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag },
        });

    [Fact]
    public void NotModified_ReadsTheRememberedBodyAgain_WithThisRequestsTiming()
    {
        // Arrange
        var provider = new FakeProvider();
        var endpoint = new EndpointState();
        Interpreter.Interpret(Service, provider, Answer(200, "operational", "\"v1\""), endpoint);

        // Act
        var result = Interpreter.Interpret(Service, provider, Answer(304, ms: 3), endpoint);

        // Assert
        provider.Calls.Should().Be(2, "the verdict is made again, not replayed");
        result.Status!.Summary.Should().Be("read in 3 ms");
        endpoint.ETag.Should().Be("\"v1\"");
    }

    [Fact]
    public void NotModified_WithoutAnEarlierBody_FailsWithAReason() =>
        Interpreter.Interpret(Service, new FakeProvider(), Answer(304), new EndpointState())
            .Error.Should().Be("HTTP 304 Not Modified without an earlier answer to read again");

    [Fact]
    public void UnreadableAnswer_IsNotRemembered_SoTheNextRequestIsUnconditional()
    {
        // Arrange
        var endpoint = new EndpointState();

        // Act
        var result = Interpreter.Interpret(Service, new FakeProvider(), Answer(200, "garbage", "\"v2\""), endpoint);

        // Assert
        result.Error.Should().Be("fake: unreadable");
        endpoint.ETag.Should().BeNull();
        endpoint.LastPayload.Should().BeNull();
    }

    [Fact]
    public void ProviderThrows_IsAFailureNamingTheProvider_NotAnException() =>
        Interpreter.Interpret(Service, new FakeProvider(), Answer(200, "throw"), new EndpointState())
            .Error.Should().Be("fake: could not read the payload (InvalidOperationException)");

    [Theory]
    [InlineData(503, "HTTP 503 Service Unavailable")]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(302, "Redirect loop or too many redirects (more than 5; last HTTP 302 Found)")]
    public void NonSuccessStatus_IsAFailureWithoutAskingTheProvider(int status, string reason)
    {
        // Arrange
        var provider = new FakeProvider();

        // Act
        var result = Interpreter.Interpret(Service, provider, Answer(status, "operational"), new EndpointState());

        // Assert
        result.Error.Should().Be(reason);
        provider.Calls.Should().Be(0);
    }
}

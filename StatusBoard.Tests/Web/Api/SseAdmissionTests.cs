using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Tests.Configuration;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>StatusBoard:MaxSseClients and MaxSseClientsPerAddress: past a cap a stream gets 503 with Retry-After, counted in /metrics.</summary>
public sealed partial class SseAdmissionTests
{
    private const string ClientHeader = "X-Test-Client-Address";

    [Fact]
    public async Task StreamPastTheGlobalCap_Gets503WithRetryAfter_CountedInMetrics_AndAClosedStreamFreesItsSlot()
    {
        // Arrange: two streams allowed, both taken.
        var ended = new StreamEnds();
        await using var app = App(ended, ("StatusBoard:MaxSseClients", "2"));
        using var client = app.CreateClient();
        var refusedBefore = await RefusedAsync(client);
        var first = await OpenAsync(client);
        using var second = await OpenAsync(client);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);

        // Act
        using var third = await OpenAsync(client);

        // Assert
        third.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        third.Headers.RetryAfter!.Delta.Should().BePositive();
        (await RefusedAsync(client)).Should().Be(refusedBefore + 1);
        (await client.GetAsync("/api/status", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK, "only streams are capped");

        // Act: the first client leaves; its request ends on the server.
        var firstEnded = ended.Next();
        first.Dispose();
        await firstEnded.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var again = await OpenAsync(client);

        // Assert
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a closed stream frees its slot");
    }

    [Fact]
    public async Task PerAddressCap_AppliesToEachAddressOnItsOwn()
    {
        // Arrange
        await using var app = App(new StreamEnds(), ("StatusBoard:MaxSseClientsPerAddress", "1"));
        using var client = app.CreateClient();

        // Act
        using var a1 = await OpenAsync(client, "192.0.2.1");
        using var a2 = await OpenAsync(client, "192.0.2.1");
        using var b1 = await OpenAsync(client, "192.0.2.2");

        // Assert
        a1.StatusCode.Should().Be(HttpStatusCode.OK);
        a2.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        a2.Headers.RetryAfter.Should().NotBeNull();
        b1.StatusCode.Should().Be(HttpStatusCode.OK, "another address has its own cap");
    }

    [Fact]
    public async Task NoPerAddressCapByDefault_ManyStreamsFromOneAddressAreAdmitted()
    {
        await using var app = App(new StreamEnds());
        using var client = app.CreateClient();

        var streams = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            streams.Add(await OpenAsync(client, "192.0.2.1"));
        }

        streams.Should().OnlyContain(s => s.StatusCode == HttpStatusCode.OK);
        streams.ForEach(s => s.Dispose());
    }

    [Theory]
    [InlineData("StatusBoard:MaxSseClients", "0")]
    [InlineData("StatusBoard:MaxSseClients", "lots")]
    [InlineData("StatusBoard:MaxSseClientsPerAddress", "-1")]
    [InlineData("StatusBoard:MaxSseClientsPerAddress", "few")]
    public void BadCap_FailsStartUp_WithOneMessageNamingTheKey(string key, string value)
    {
        var (exitCode, error) = StartupRun.Validate($"--{key}={value}");

        exitCode.Should().Be(1);
        StartupRun.Problems(error).Should().ContainSingle().Which.Should().Contain(key);
        error.Should().NotContain("   at ");
    }

    private static StatusBoardApp App(StreamEnds ended, params (string Key, string Value)[] settings) =>
        new(TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]),
            settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value))
        {
            TestServices = services => services.AddSingleton<IStartupFilter>(ended),
        };

    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, string? address = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/status/stream");
        if (address is not null)
        {
            request.Headers.Add(ClientHeader, address);
        }
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    private static async Task<double> RefusedAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return RefusedLine().Match(text) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^statusboard_sse_refused_total (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RefusedLine();

    /// <summary>
    /// Test-only front of the pipeline: gives each request the client address the test names (the test server has
    /// none), and signals when a stream request has finished on the server, which is after its lease was released.
    /// </summary>
    private sealed class StreamEnds : IStartupFilter
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next() => (_next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers[ClientHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }
                await nextMiddleware(context);
                if (context.Request.Path == "/api/status/stream")
                {
                    _next.TrySetResult();
                }
            });
            next(app);
        };
    }
}

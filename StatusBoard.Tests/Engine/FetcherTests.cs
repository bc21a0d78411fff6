using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Engine;

namespace StatusBoard.Tests.Engine;

/// <summary>The fetcher turns every failure of the HTTP stack into a reason; only the caller's cancellation escapes.</summary>
public sealed class FetcherTests
{
    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private static Fetcher FetcherThrowing(Exception exception) =>
        new(new Clients(new ThrowingHandler(exception)), Options.Create(new EngineOptions()), new FakeTimeProvider());

    [Fact]
    public async Task HandlerConnectTimeout_WithDnsFailureInside_IsANetworkFailureWithTheReason()
    {
        // Arrange: what SocketsHttpHandler throws when its ConnectTimeout passes during a slow DNS lookup.
        var connectTimeout = new TaskCanceledException("The operation was canceled.",
            new TimeoutException("A connection could not be established within the configured ConnectTimeout.",
                new SocketException((int)SocketError.HostNotFound)));
        var fetcher = FetcherThrowing(connectTimeout);

        // Act
        var fetch = await fetcher.FetchAsync(new Uri("https://status.example.test/"), null, TestContext.Current.CancellationToken);

        // Assert
        fetch.Payload.Should().BeNull();
        fetch.NetworkFailure.Should().BeTrue();
        fetch.Error.Should().Be("Host not found (DNS)");
    }

    [Fact]
    public async Task HandlerCancelsOnItsOwn_IsANetworkFailureNotAnException()
    {
        // Arrange
        var fetcher = FetcherThrowing(new TaskCanceledException("The operation was canceled.", new TimeoutException("connect timeout")));

        // Act
        var fetch = await fetcher.FetchAsync(new Uri("https://status.example.test/"), null, TestContext.Current.CancellationToken);

        // Assert
        fetch.Should().Match<FetchResult>(f => f.Payload == null && f.NetworkFailure && f.Error == "Connection timed out");
    }

    [Fact]
    public async Task CallerCancels_Escapes()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var fetcher = FetcherThrowing(new TaskCanceledException());

        // Act
        var fetch = () => fetcher.FetchAsync(new Uri("https://status.example.test/"), null, cancelled.Token);

        // Assert
        await fetch.Should().ThrowAsync<OperationCanceledException>();
    }
}

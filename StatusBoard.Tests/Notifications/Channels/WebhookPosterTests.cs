using StatusBoard.Core.Notifications;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Channels;

/// <summary>How an HTTP answer (or none) becomes an outcome: retry on 429/5xx/network, reject other 4xx, never the URL.</summary>
public sealed class WebhookPosterTests : IAsyncLifetime
{
    private NotificationReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Theory]
    [InlineData(429, DeliveryResult.Retry)]
    [InlineData(503, DeliveryResult.Retry)]
    [InlineData(408, DeliveryResult.Retry)]
    [InlineData(400, DeliveryResult.Rejected)]
    [InlineData(404, DeliveryResult.Rejected)]
    [InlineData(200, DeliveryResult.Delivered)]
    public async Task Status_MapsToOutcome(int status, DeliveryResult expected)
    {
        var (channel, _) = ChannelHost.Create("slack");
        _receiver.AnswerNext(status);

        var outcome = await channel.SendAsync(ChannelHost.Route("slack", _receiver.Url("/hook")), TestMessages.Single(), TestContext.Current.CancellationToken);

        outcome.Result.Should().Be(expected);
        outcome.Detail.Should().Be($"HTTP {status}");
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfterSeconds()
    {
        var (channel, _) = ChannelHost.Create("discord");
        _receiver.AnswerNext(429, new() { ["Retry-After"] = "30" });

        var outcome = await channel.SendAsync(ChannelHost.Route("discord", _receiver.Url("/hook")), TestMessages.Single(), TestContext.Current.CancellationToken);

        outcome.Should().Be(DeliveryOutcome.Retry("HTTP 429", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ReceiverDown_IsRetryWhoseDetailNamesNeitherHostNorPath()
    {
        var (channel, _) = ChannelHost.Create("slack");
        var url = _receiver.Url("/services/T000/B000/XXXXsecret");
        await _receiver.StopListeningAsync();

        var outcome = await channel.SendAsync(ChannelHost.Route("slack", url), TestMessages.Single(), TestContext.Current.CancellationToken);

        outcome.Result.Should().Be(DeliveryResult.Retry);
        outcome.Detail.Should().StartWith("network error").And.NotContain("127.0.0.1").And.NotContain("XXXXsecret");
    }
}

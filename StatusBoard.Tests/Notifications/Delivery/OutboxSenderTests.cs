using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Delivery;

/// <summary>The sender against a real local receiver on a fake clock: retries, order, rate limit, dead letters, restarts.</summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private NotificationReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private NotificationRoute Slack(string name = "ops") => new() { Name = name, Channel = "slack", Url = _receiver.Url($"/services/{name}/XXXXsecret") };

    private IEnumerable<string> ReceivedTitles() => _receiver.Received.Where(r => r.Acknowledged).Select(r => r.Json.GetProperty("text").GetString()!);

    [Fact]
    public async Task PendingRow_IsDeliveredOnceAndMarkedDelivered()
    {
        // Arrange
        await using var host = await SenderHost.StartAsync([Slack()]);

        // Act
        host.Enqueue(TestMessages.Single(key: "a"));
        await host.SettleAsync();
        await host.AdvanceUntilAsync(() => false, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        // Assert
        _receiver.Received.Should().ContainSingle();
        host.Store.Recent("ops", 10).Single().Should().Match<OutboxRow>(r => r.State == "delivered" && r.Attempts == 1 && r.LastResult == "HTTP 200");
    }

    [Fact]
    public async Task TooManyRequests_WaitsExactlyTheRetryAfterBeforeTheNextAttempt()
    {
        await using var host = await SenderHost.StartAsync([Slack()]);
        _receiver.AnswerNext(429, new() { ["Retry-After"] = "30" });

        host.Enqueue(TestMessages.Single(key: "a"));
        await host.SettleAsync();
        _receiver.Received.Should().ContainSingle().Which.AnsweredStatus.Should().Be(429);
        await host.AdvanceUntilAsync(() => false, Step, TimeSpan.FromSeconds(29));
        var beforeRetryAfter = _receiver.Received.Count;
        await host.AdvanceUntilAsync(() => _receiver.Received.Count > 1, Step, TimeSpan.FromSeconds(2));

        beforeRetryAfter.Should().Be(1);
        _receiver.Received.Should().HaveCount(2);
        _receiver.Received[1].Acknowledged.Should().BeTrue();
    }

    [Fact]
    public async Task ReceiverDownTenMinutes_ThenUp_DeliversEveryMessageOnceInOrder()
    {
        await using var host = await SenderHost.StartAsync([Slack()], new() { ["StatusBoard:Notifications:MaxBackoff"] = "00:02:00" });
        await _receiver.StopListeningAsync();
        foreach (var key in new[] { "m1", "m2", "m3" })
        {
            host.Enqueue(TestMessages.Single(key: key) with { Title = key });
        }

        await host.AdvanceUntilAsync(() => false, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        var failures = host.Health.For("ops")!.ConsecutiveFailures;
        await _receiver.ListenAgainAsync();
        await host.AdvanceUntilAsync(() => ReceivedTitles().Count() == 3, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

        failures.Should().BeGreaterThan(3, "it kept retrying with backoff while the receiver was down");
        ReceivedTitles().Should().Equal("m1", "m2", "m3");
        host.Store.Recent("ops", 10).Should().OnlyContain(r => r.State == "delivered");
        host.Health.For("ops")!.ConsecutiveFailures.Should().Be(0);
    }

    [Fact]
    public async Task RateLimit_KeepsOneSecondBetweenTwoMessagesToOneRoute()
    {
        await using var host = await SenderHost.StartAsync([Slack()]);

        host.Enqueue(TestMessages.Single(key: "a"));
        host.Enqueue(TestMessages.Single(key: "b"));
        await host.SettleAsync();
        var first = _receiver.Received.Count;
        await host.AdvanceUntilAsync(() => _receiver.Received.Count == 2, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

        first.Should().Be(1);
        _receiver.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Rejected_IsDeadLetteredAtOnceAndTheNextMessageGoesOut()
    {
        await using var host = await SenderHost.StartAsync([Slack()]);
        _receiver.AnswerNext(400);

        host.Enqueue(TestMessages.Single(key: "bad"));
        host.Enqueue(TestMessages.Single(key: "good"));
        await host.AdvanceUntilAsync(() => _receiver.Received.Count == 2, Step, TimeSpan.FromSeconds(10));

        host.Store.InState("ops", "dead", 10).Single().Should().Match<OutboxRow>(r => r.IdempotencyKey == "bad" && r.LastResult == "rejected: HTTP 400");
        host.Store.InState("ops", "delivered", 10).Single().IdempotencyKey.Should().Be("good");
    }

    [Fact]
    public async Task NeverAcknowledged_IsDeadAfterGiveUpAfterAndNotTriedAgain()
    {
        await using var host = await SenderHost.StartAsync([Slack()], new() { ["StatusBoard:Notifications:GiveUpAfter"] = "00:30:00" });
        _receiver.DefaultStatus = 503;

        host.Enqueue(TestMessages.Single(key: "a"));
        await host.AdvanceUntilAsync(() => host.Store.InState("ops", "dead", 1).Count == 1, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(31));
        var attempts = _receiver.Received.Count;
        await host.AdvanceUntilAsync(() => false, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

        var dead = host.Store.InState("ops", "dead", 1).Single();
        dead.LastResult.Should().Be("gave up after 0.5 h: HTTP 503");
        (dead.LastAttemptAt!.Value - dead.CreatedAt).Should().BeCloseTo(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10));
        _receiver.Received.Should().HaveCount(attempts);
        attempts.Should().BeInRange(5, 20, "exponential backoff, not one try per poll");
    }

    [Fact]
    public async Task Restart_ResumesPendingRowsAndNeverResendsAcknowledgedOnes()
    {
        var host = await SenderHost.StartAsync([Slack()]);
        try
        {
            host.Enqueue(TestMessages.Single(key: "sent-before") with { Title = "sent-before" });
            await host.SettleAsync();
            await _receiver.StopListeningAsync();
            host.Enqueue(TestMessages.Single(key: "waiting") with { Title = "waiting" });
            await host.AdvanceUntilAsync(() => host.Health.For("ops")!.ConsecutiveFailures > 0, Step, TimeSpan.FromSeconds(5));

            await host.RestartAsync();
            await _receiver.ListenAgainAsync();
            await host.AdvanceUntilAsync(() => ReceivedTitles().Count() == 2, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

            ReceivedTitles().Should().Equal("sent-before", "waiting");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Logs_NeverContainTheWebhookUrl()
    {
        await using var host = await SenderHost.StartAsync([Slack()]);
        _receiver.AnswerNext(500);
        host.Enqueue(TestMessages.Single(key: "a"));
        await host.AdvanceUntilAsync(() => ReceivedTitles().Any(), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        await _receiver.StopListeningAsync();
        host.Enqueue(TestMessages.Single(key: "b"));
        await host.AdvanceUntilAsync(() => host.Health.For("ops")!.ConsecutiveFailures > 0, Step, TimeSpan.FromSeconds(5));

        host.Logs.Entries.Should().Contain(e => e.Message.Contains("delivered to route ops"));
        host.Logs.Entries.Should().Contain(e => e.Message.Contains("attempt 1 failed"));
        host.Logs.Entries.Should().NotContain(e => e.Message.Contains("XXXXsecret") || e.Message.Contains("/services/")
            || (e.Exception != null && e.Exception.ToString().Contains("XXXXsecret")));
    }
}

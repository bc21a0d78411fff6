using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Channels;

/// <summary>Each HTTP channel posts its own shape to a real local receiver, and a 2xx is a delivery.</summary>
public sealed class HttpChannelShapeTests : IAsyncLifetime
{
    private NotificationReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Slack_PostsBlockKitWithLevelServiceIncidentAndLinks()
    {
        // Arrange
        var (channel, _) = ChannelHost.Create("slack");

        // Act
        var outcome = await channel.SendAsync(ChannelHost.Route("slack", _receiver.Url("/hooks/T1")), TestMessages.Single(), TestContext.Current.CancellationToken);

        // Assert
        outcome.Result.Should().Be(DeliveryResult.Delivered);
        var body = (await _receiver.WaitForAsync(1))[0].Json;
        body.GetProperty("text").GetString().Should().Be("GitHub: PartialOutage");
        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        blocks[0].GetProperty("type").GetString().Should().Be("header");
        blocks[0].GetProperty("text").GetProperty("type").GetString().Should().Be("plain_text");
        var section = blocks[1].GetProperty("text");
        section.GetProperty("type").GetString().Should().Be("mrkdwn");
        section.GetProperty("text").GetString().Should()
            .Contain("*GitHub* — Partial outage")
            .And.Contain("Incident: Actions delays — We are investigating.")
            .And.Contain("<https://status.github.example/incidents/1|Status page>")
            .And.Contain("<https://board.example/service/github|Details>");
    }

    [Fact]
    public async Task Slack_WaveOfFifty_IsOneMessageWithinBlockKitLimitsNamingEveryService()
    {
        var (channel, _) = ChannelHost.Create("slack");

        await channel.SendAsync(ChannelHost.Route("slack", _receiver.Url("/hooks/T1")), TestMessages.Wave(50), TestContext.Current.CancellationToken);

        var body = (await _receiver.WaitForAsync(1))[0].Json;
        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        blocks.Count.Should().BeLessThanOrEqualTo(50);
        blocks.Skip(1).Should().OnlyContain(b => b.GetProperty("text").GetProperty("text").GetString()!.Length <= 3000);
        var text = string.Join('\n', blocks.Skip(1).Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Enumerable.Range(1, 50).Should().OnlyContain(i => text.Contains($"*SVC{i:D3}*"));
        text.IndexOf("*SVC001*", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("*SVC050*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discord_PostsOneEmbedInTheLevelColourWithMentionsOff()
    {
        var (channel, _) = ChannelHost.Create("discord");
        _receiver.DefaultStatus = 204; // Discord's answer to a webhook post

        var outcome = await channel.SendAsync(ChannelHost.Route("discord", _receiver.Url("/api/webhooks/1/x")), TestMessages.Single(level: StatusLevel.MajorOutage), TestContext.Current.CancellationToken);

        outcome.Result.Should().Be(DeliveryResult.Delivered);
        var body = (await _receiver.WaitForAsync(1))[0].Json;
        var embed = body.GetProperty("embeds").EnumerateArray().Single();
        embed.GetProperty("color").GetInt32().Should().Be(0xb71c1c);
        embed.GetProperty("title").GetString().Should().Be("GitHub: MajorOutage");
        embed.GetProperty("description").GetString().Should().Contain("[GitHub](https://board.example/service/github): Major outage");
        embed.GetProperty("url").GetString().Should().Be("https://board.example/service/github");
        body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Teams_PostsWorkflowEnvelopeWithAValidAdaptiveCard()
    {
        var (channel, _) = ChannelHost.Create("teams");
        _receiver.DefaultStatus = 202; // Teams workflows accept with 202

        var outcome = await channel.SendAsync(ChannelHost.Route("teams", _receiver.Url("/workflows/1")), TestMessages.Single(), TestContext.Current.CancellationToken);

        outcome.Result.Should().Be(DeliveryResult.Delivered);
        var body = (await _receiver.WaitForAsync(1))[0].Json;
        body.GetProperty("type").GetString().Should().Be("message");
        var attachment = body.GetProperty("attachments").EnumerateArray().Single();
        attachment.GetProperty("contentType").GetString().Should().Be("application/vnd.microsoft.card.adaptive");
        var card = attachment.GetProperty("content");
        // The Adaptive Card schema's required fields: type, version, and a type on every body element and action.
        card.GetProperty("type").GetString().Should().Be("AdaptiveCard");
        card.GetProperty("version").GetString().Should().MatchRegex(@"^1\.\d$");
        var elements = card.GetProperty("body").EnumerateArray().ToList();
        elements.Should().NotBeEmpty().And.OnlyContain(e => Has(e, "type"));
        elements.Where(e => e.GetProperty("type").GetString() == "TextBlock").Should().OnlyContain(e => Has(e, "text"));
        var facts = elements.Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray().Single();
        (facts.GetProperty("title").GetString(), facts.GetProperty("value").GetString()).Should().Be(("GitHub", "Partial outage"));
        card.GetProperty("actions").EnumerateArray().Should().OnlyContain(a =>
            a.GetProperty("type").GetString() == "Action.OpenUrl" && Has(a, "url"));
    }

    [Fact]
    public async Task Webhook_SignsTimestampDotBodyWithTheRouteSecretAndSendsTheIdempotencyKey()
    {
        var (channel, time) = ChannelHost.Create("webhook");
        var message = TestMessages.Single(key: "ops:github:inc-1:upd-1:partial_outage");

        await channel.SendAsync(ChannelHost.Route("webhook", _receiver.Url("/in"), secret: "s3cret"), message, TestContext.Current.CancellationToken);

        var request = (await _receiver.WaitForAsync(1))[0];
        var timestamp = request.Headers["X-StatusBoard-Timestamp"];
        timestamp.Should().Be(time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Recomputed the way a receiver would, independently of the channel's own helper.
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("s3cret"));
        var expected = "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + request.Body))).ToLowerInvariant();
        request.Headers["X-StatusBoard-Signature"].Should().Be(expected);
        request.Headers["Idempotency-Key"].Should().Be(message.IdempotencyKey);
        var body = request.Json;
        body.GetProperty("version").GetInt32().Should().Be(1);
        body.GetProperty("idempotencyKey").GetString().Should().Be(message.IdempotencyKey);
        body.GetProperty("level").GetString().Should().Be("partial_outage");
        var e = body.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("kind").GetString().Should().Be("incidentOpened");
        e.GetProperty("serviceId").GetString().Should().Be("github");
        e.GetProperty("to").GetString().Should().Be("partial_outage");
        e.GetProperty("detailsUrl").GetString().Should().Be("https://board.example/service/github");
    }

    [Fact]
    public async Task Ntfy_PostsTextWithTitlePriorityTagsClickAndToken()
    {
        var (channel, _) = ChannelHost.Create("ntfy");
        var message = TestMessages.Single(level: StatusLevel.MajorOutage) with { Title = "GitHub: Major outage — Actions" };

        await channel.SendAsync(ChannelHost.Route("ntfy", _receiver.Url("/statusboard-alerts"), secret: "tk_abc"), message, TestContext.Current.CancellationToken);

        var request = (await _receiver.WaitForAsync(1))[0];
        request.Path.Should().Be("/statusboard-alerts");
        DecodeRfc2047(request.Headers["Title"]).Should().Be("GitHub: Major outage — Actions");
        request.Headers["Priority"].Should().Be("5");
        request.Headers["Tags"].Split(',').Should().Contain(["rotating_light", "statusboard"]);
        request.Headers["Click"].Should().Be("https://board.example/service/github");
        request.Headers["Authorization"].Should().Be("Bearer tk_abc");
        request.Body.Should().Be("GitHub: Major outage — Incident: Actions delays — We are investigating.");
    }

    private static bool Has(JsonElement element, string property) => element.TryGetProperty(property, out var _);

    private static string DecodeRfc2047(string value)
    {
        var match = System.Text.RegularExpressions.Regex.Match(value, @"^=\?UTF-8\?B\?(.+)\?=$");
        return match.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)) : value;
    }
}

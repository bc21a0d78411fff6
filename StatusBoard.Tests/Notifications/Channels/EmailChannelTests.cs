using MimeKit;
using StatusBoard.Core.Notifications;

namespace StatusBoard.Tests.Notifications.Channels;

/// <summary>MailKit's mail through a real in-process SMTP server: auth, text and HTML parts, subject, Message-Id.</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task Email_AuthenticatesAndSendsTextAndHtmlAlternatives()
    {
        // Arrange
        await using var smtp = LocalSmtpServer.Start("statusboard", "pa55word");
        var (channel, _) = ChannelHost.Create("email", Settings(smtp.Port, "pa55word"));
        var route = new NotificationRoute { Name = "mail", Channel = "email", To = ["oncall@example.com"] };

        // Act
        var outcome = await channel.SendAsync(route, TestMessages.Single(key: "k-42"), TestContext.Current.CancellationToken);

        // Assert
        outcome.Result.Should().Be(DeliveryResult.Delivered);
        var mail = await smtp.NextMailAsync();
        mail.Subject.Should().Be("GitHub: PartialOutage");
        mail.To.Mailboxes.Select(m => m.Address).Should().Equal("oncall@example.com");
        mail.From.Mailboxes.Single().Address.Should().Be("statusboard@example.com");
        mail.MessageId.Should().Be("k-42@statusboard");
        mail.Body.Should().BeOfType<MultipartAlternative>();
        mail.TextBody.Should().Contain("- GitHub: Partial outage — Incident: Actions delays — We are investigating.")
            .And.Contain("Details: https://board.example/service/github");
        mail.HtmlBody.Should().Contain("<a href=\"https://board.example/service/github\">GitHub</a>").And.Contain("Partial outage");
    }

    [Fact]
    public async Task Email_WrongPassword_IsARetryThatShowsNoPassword()
    {
        await using var smtp = LocalSmtpServer.Start("statusboard", "pa55word");
        var (channel, _) = ChannelHost.Create("email", Settings(smtp.Port, "wrong-secret"));
        var route = new NotificationRoute { Name = "mail", Channel = "email", To = ["oncall@example.com"] };

        var outcome = await channel.SendAsync(route, TestMessages.Single(), TestContext.Current.CancellationToken);

        outcome.Result.Should().Be(DeliveryResult.Retry);
        outcome.Detail.Should().Be("SMTP authentication failed");
    }

    [Fact]
    public void Validate_EmailRouteWithoutSmtpHostOrRecipients_NamesEachKey()
    {
        var (channel, _) = ChannelHost.Create("email");
        var route = new NotificationRoute { Name = "mail", Channel = "email", To = ["not an address"] };

        var problems = channel.Validate(route, "StatusBoard:Notifications:Routes:0").ToList();

        problems.Should().BeEquivalentTo(
            "StatusBoard:Notifications:Routes:0:to:0 'not an address' is not an email address.",
            "StatusBoard:Notifications:Smtp:Host is required by the email route at StatusBoard:Notifications:Routes:0.",
            "StatusBoard:Notifications:Smtp:From must be an email address (required by the email route at StatusBoard:Notifications:Routes:0).");
    }

    private static Dictionary<string, string?> Settings(int port, string password) => new()
    {
        ["StatusBoard:Notifications:Smtp:Host"] = "127.0.0.1",
        ["StatusBoard:Notifications:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StatusBoard:Notifications:Smtp:Security"] = "none",
        ["StatusBoard:Notifications:Smtp:User"] = "statusboard",
        ["StatusBoard:Notifications:Smtp:Password"] = password,
        ["StatusBoard:Notifications:Smtp:From"] = "StatusBoard <statusboard@example.com>",
    };
}

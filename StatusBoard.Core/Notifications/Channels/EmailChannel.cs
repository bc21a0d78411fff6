using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using StatusBoard.Core.Notifications.Delivery;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// Email over SMTP with MailKit (StatusBoard:Notifications:Smtp): plain text and HTML alternatives, TLS as
/// configured, authentication when a user is set. The Message-Id comes from the idempotency key, so a resend after a
/// crash is recognisably the same mail.
/// </summary>
public sealed class EmailChannel(IOptions<NotificationDeliveryOptions> options) : INotificationChannel
{
    public static readonly IReadOnlyList<string> SecurityModes = ["none", "starttls", "tls", "auto"];

    public string Kind => "email";

    public IEnumerable<string> Validate(NotificationRoute route, string key)
    {
        if (route.To.Count == 0)
        {
            yield return $"{key}:to needs at least one address for channel 'email'.";
        }
        foreach (var (address, index) in route.To.Select((a, i) => (a, i)))
        {
            if (!MailboxAddress.TryParse(address, out _))
            {
                yield return $"{key}:to:{index} '{address}' is not an email address.";
            }
        }
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            yield return $"{NotificationDeliveryOptions.SectionName}:Smtp:Host is required by the email route at {key}.";
        }
        if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out _))
        {
            yield return $"{NotificationDeliveryOptions.SectionName}:Smtp:From must be an email address (required by the email route at {key}).";
        }
    }

    public async Task<DeliveryOutcome> SendAsync(NotificationRoute route, NotificationMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, Security(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
            var reply = await client.SendAsync(Mail(route, message, smtp.From!), cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return DeliveryOutcome.Delivered(string.IsNullOrWhiteSpace(reply) ? "SMTP accepted" : "SMTP accepted: " + MessageText.Clip(reply, 80));
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            return DeliveryOutcome.Retry($"SMTP {(int)e.StatusCode} (temporary)");
        }
        catch (SmtpCommandException e)
        {
            return DeliveryOutcome.Rejected($"SMTP {(int)e.StatusCode}");
        }
        catch (AuthenticationException)
        {
            // Kept as a retry: a corrected password (a reload) delivers what waited; the route shows Degraded meanwhile.
            return DeliveryOutcome.Retry("SMTP authentication failed");
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SslHandshakeException or TimeoutException
            or ServiceNotConnectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry($"SMTP connection failed ({e.GetType().Name})");
        }
    }

    internal static MimeMessage Mail(NotificationRoute route, NotificationMessage message, string from)
    {
        var mail = new MimeMessage { Subject = message.Title, MessageId = $"{message.IdempotencyKey}@statusboard" };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.AddRange(route.To.Select(MailboxAddress.Parse));
        mail.Body = new BodyBuilder { TextBody = MessageText.PlainText(message), HtmlBody = EmailHtml.Render(message) }.ToMessageBody();
        return mail;
    }

    private static SecureSocketOptions Security(string mode) => mode.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications.Delivery;

namespace StatusBoard.Core.Notifications.Channels;

/// <summary>
/// Sends a channel's HTTP request on the notifications' own HttpClient (never the engine's) under one deadline and
/// reads the answer as an outcome. Network trouble is data, not an exception, and no outcome names the URL.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory factory, TimeProvider time, IOptions<NotificationDeliveryOptions> options)
{
    public const string HttpClientName = "notifications";

    /// <summary>POSTs <paramref name="payload"/> as JSON to <paramref name="url"/>: what Slack, Discord and Teams take.</summary>
    public Task<DeliveryOutcome> PostJsonAsync(string? url, System.Text.Json.Nodes.JsonNode payload, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        }, cancellationToken);

    public async Task<DeliveryOutcome> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = options.Value.SendTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var response = await factory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return Interpret(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry($"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            // The exception's message can carry the host and port of a secret URL: only its kind is kept.
            var kind = e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.HttpRequestError.ToString();
            return DeliveryOutcome.Retry($"network error ({kind})");
        }
    }

    private DeliveryOutcome Interpret(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var detail = $"HTTP {code}";
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Delivered(detail);
        }
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || code >= 500)
        {
            return DeliveryOutcome.Retry(detail, RetryAfter(response));
        }
        return DeliveryOutcome.Rejected(detail);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}

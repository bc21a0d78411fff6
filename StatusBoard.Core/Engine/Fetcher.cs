using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Engine.Politeness;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Engine;

/// <summary>
/// The only place that talks HTTP to upstreams (polls, probes, canaries). Reads the body as a stream under a byte cap
/// and the one request deadline (<see cref="EngineOptions.RequestTimeout"/>, headers and body together, on the
/// engine's clock), and turns every failure into a readable reason instead of an exception.
/// </summary>
internal sealed class Fetcher(IHttpClientFactory clients, IOptions<EngineOptions> options, TimeProvider time)
{
    private EngineOptions _options => options.Value; // Read per use: an appsettings.json edit applies from the next request on.

    /// <summary>
    /// GETs <paramref name="url"/>; with <paramref name="validators"/> it asks conditionally (If-None-Match /
    /// If-Modified-Since), and a 304 comes back as a payload with status 304 and no body.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, EndpointState? validators, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var client = clients.CreateClient(UpstreamHttpClient.Name);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (validators?.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }
            if (validators?.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (body is null)
            {
                return FetchResult.Fail($"Response larger than the {FormatBytes(_options.MaxResponseBytes)} cap; not read", time.GetElapsedTime(started));
            }
            var payload = new FetchedPayload(url, (int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), time.GetElapsedTime(started))
            {
                Headers = CollectHeaders(response),
            };
            return FetchResult.Ok(payload);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            return FetchResult.Fail($"Timed out after {_options.RequestTimeout.TotalSeconds:0.#} s", time.GetElapsedTime(started), network: true);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The HTTP stack gave up on its own (a handler's connect timeout, e.g. during a slow DNS lookup): data, not a crash.
            return FetchResult.Fail(Innermost<SocketException>(ex) is { } socket ? Describe(socket) : "Connection timed out",
                time.GetElapsedTime(started), network: true);
        }
        catch (HttpRequestException ex)
        {
            return FetchResult.Fail(Describe(ex), time.GetElapsedTime(started), network: IsNetworkLevel(ex));
        }
        catch (IOException ex)
        {
            return FetchResult.Fail($"Connection broken while reading: {ex.Message}", time.GetElapsedTime(started));
        }
    }

    /// <summary>Failures that say nothing about the upstream's health but may be about our own network.</summary>
    private static bool IsNetworkLevel(HttpRequestException ex) =>
        ex.InnerException is SocketException
        || ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError;

    private static T? Innermost<T>(Exception ex) where T : Exception
    {
        T? found = null;
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            found = inner as T ?? found;
        }
        return found;
    }

    /// <summary>Reads at most the cap; null when the body is larger (the rest is never buffered).</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        if (content.Headers.ContentLength is { } declared && declared > cap)
        {
            return null;
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }
        return headers;
    }

    private static string Describe(HttpRequestException ex)
    {
        if (ex.InnerException is SocketException socket)
        {
            return Describe(socket);
        }
        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "Host not found (DNS)",
            HttpRequestError.SecureConnectionError => $"TLS handshake failed: {ex.Message}",
            HttpRequestError.ResponseEnded => "The server closed the connection before answering",
            HttpRequestError.InvalidResponse => $"Invalid HTTP response: {ex.Message}",
            _ => $"Request failed: {ex.Message}",
        };
    }

    private static string Describe(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.HostNotFound or SocketError.NoData => "Host not found (DNS)",
        SocketError.TimedOut => "Connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "Network unreachable",
        _ => $"Connection failed: {socket.Message}",
    };

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";

    /// <summary>Human text for a non-2xx answer, e.g. "HTTP 503 Service Unavailable".</summary>
    public static string DescribeStatus(int statusCode) =>
        Enum.IsDefined(typeof(HttpStatusCode), statusCode)
            ? $"HTTP {statusCode} {SplitWords(((HttpStatusCode)statusCode).ToString())}"
            : $"HTTP {statusCode}";

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// A real local upstream (Kestrel on 127.0.0.1, random port) serving status pages whose state a test changes:
/// body, HTTP status, hang, slow or broken answers. Counts the hits per path.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notModified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bytesWritten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _hitTimes = new(StringComparer.Ordinal);
    private int _port;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private volatile TaskCompletionSource _hitSignal = NewSignal();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeUpstream> StartAsync()
    {
        var upstream = new FakeUpstream();
        await upstream.RunAsync();
        return upstream;
    }

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _port));
        var app = builder.Build();
        app.Run(ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        _port = BaseAddress.Port;
        _app = app;
    }

    /// <summary>Stops listening: every request now gets "connection refused", as when a network is down.</summary>
    public async Task StopListeningAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Listens again on the same port with the same pages.</summary>
    public Task ListenAgainAsync() => _app is null ? RunAsync() : Task.CompletedTask;

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Serves <paramref name="body"/> with 200 at <paramref name="path"/>.</summary>
    public void Set(string path, string body, string contentType = "application/json") =>
        _pages[Normalize(path)] = new Page(200, System.Text.Encoding.UTF8.GetBytes(body), contentType, PageMode.Normal);

    public void Set(string path, byte[] body, string contentType = "application/json") =>
        _pages[Normalize(path)] = new Page(200, body, contentType, PageMode.Normal);

    public void SetStatus(string path, int statusCode, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        _pages[Normalize(path)] = new Page(statusCode, System.Text.Encoding.UTF8.GetBytes(body), "text/plain", PageMode.Normal, headers);

    /// <summary>Streams <paramref name="bytes"/> of JSON-ish filler without a Content-Length, generated as it goes.</summary>
    public void Huge(string path, long bytes) => _pages[Normalize(path)] = new Page(200, [], "application/json", PageMode.Huge, Size: bytes);

    /// <summary>Answers 302 to itself, forever.</summary>
    public void RedirectLoop(string path) => _pages[Normalize(path)] = new Page(302, [], "text/plain", PageMode.RedirectLoop);

    /// <summary>Answers after <paramref name="delay"/> of real time.</summary>
    public void Slow(string path, string body, TimeSpan delay) =>
        _pages[Normalize(path)] = new Page(200, System.Text.Encoding.UTF8.GetBytes(body), "application/json", PageMode.Slow, Delay: delay);

    /// <summary>Serves with a strong ETag and answers a matching If-None-Match with 304.</summary>
    public void SetWithETag(string path, string body, string contentType = "application/json") =>
        _pages[Normalize(path)] = new Page(200, System.Text.Encoding.UTF8.GetBytes(body), contentType, PageMode.Normal, ETag: $"\"{Guid.NewGuid():N}\"");

    public int NotModifiedCount(string path) => _notModified.TryGetValue(Normalize(path), out var n) ? n : 0;

    public long BytesWritten(string path) => _bytesWritten.TryGetValue(Normalize(path), out var n) ? n : 0;

    /// <summary>Accepts the request and never answers (until the upstream stops).</summary>
    public void Hang(string path) => _pages[Normalize(path)] = new Page(200, [], "application/json", PageMode.Hang);

    public int Hits(string path) => _hits.TryGetValue(Normalize(path), out var n) ? n : 0;

    public int TotalHits => _hits.Values.Sum();

    /// <summary>When each request for <paramref name="path"/> arrived (wall clock), oldest first: who polled how often.</summary>
    public IReadOnlyList<DateTimeOffset> HitTimes(string path) =>
        _hitTimes.TryGetValue(Normalize(path), out var times) ? [.. times] : [];

    /// <summary>Completes once <paramref name="path"/> has been requested at least <paramref name="count"/> times.</summary>
    public async Task WaitForHitsAsync(string path, int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var signal = _hitSignal.Task;
            if (Hits(path) >= count)
            {
                return;
            }
            await signal.WaitAsync(deadline.Token);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ServeAsync(HttpContext context)
    {
        var path = Normalize(context.Request.Path.Value ?? "/");
        _hitTimes.GetOrAdd(path, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(DateTimeOffset.UtcNow);
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        Interlocked.Exchange(ref _hitSignal, NewSignal()).TrySetResult();
        if (!_pages.TryGetValue(path, out var page))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (page.Mode == PageMode.Hang)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (page.Mode == PageMode.Slow)
        {
            try
            {
                await Task.Delay(page.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (page.Mode == PageMode.RedirectLoop)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = context.Request.Path.Value;
            return;
        }
        if (page.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                _notModified.AddOrUpdate(path, 1, (_, n) => n + 1);
                context.Response.StatusCode = 304;
                return;
            }
        }
        foreach (var (name, value) in page.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.StatusCode = page.StatusCode;
        context.Response.ContentType = page.ContentType;
        if (page.Mode == PageMode.Huge)
        {
            await StreamFillerAsync(context, path, page.Size);
            return;
        }
        await context.Response.Body.WriteAsync(page.Body);
    }

    private async Task StreamFillerAsync(HttpContext context, string path, long size)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        chunk[0] = (byte)'[';
        try
        {
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                _bytesWritten.AddOrUpdate(path, chunk.Length, (_, n) => n + chunk.Length);
                chunk[0] = (byte)' ';
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client stopped reading: exactly what a capped reader should do.
        }
    }

    private static string Normalize(string path) => "/" + path.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private enum PageMode { Normal, Hang, Huge, RedirectLoop, Slow }

    private sealed record Page(int StatusCode, byte[] Body, string ContentType, PageMode Mode,
        IReadOnlyDictionary<string, string>? Headers = null, long Size = 0, string? ETag = null, TimeSpan Delay = default);
}

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
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        _app = app;
    }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Serves <paramref name="body"/> with 200 at <paramref name="path"/>.</summary>
    public void Set(string path, string body, string contentType = "application/json") =>
        _pages[Normalize(path)] = new Page(200, System.Text.Encoding.UTF8.GetBytes(body), contentType, PageMode.Normal);

    public void Set(string path, byte[] body, string contentType = "application/json") =>
        _pages[Normalize(path)] = new Page(200, body, contentType, PageMode.Normal);

    public void SetStatus(string path, int statusCode, string body = "") =>
        _pages[Normalize(path)] = new Page(statusCode, System.Text.Encoding.UTF8.GetBytes(body), "text/plain", PageMode.Normal);

    /// <summary>Accepts the request and never answers (until the upstream stops).</summary>
    public void Hang(string path) => _pages[Normalize(path)] = new Page(200, [], "application/json", PageMode.Hang);

    public int Hits(string path) => _hits.TryGetValue(Normalize(path), out var n) ? n : 0;

    public int TotalHits => _hits.Values.Sum();

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
        context.Response.StatusCode = page.StatusCode;
        context.Response.ContentType = page.ContentType;
        await context.Response.Body.WriteAsync(page.Body);
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

    private enum PageMode { Normal, Hang }

    private sealed record Page(int StatusCode, byte[] Body, string ContentType, PageMode Mode);
}

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
/// A real local webhook receiver (Kestrel on 127.0.0.1, random port) that records every request (path, headers,
/// body) and answers what the test tells it (200 by default; a status with headers, e.g. 429 + Retry-After).
/// It can stop listening (connection refused) and listen again on the same port.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentQueue<(int Status, Dictionary<string, string> Headers)> _scripted = new();
    private TaskCompletionSource _signal = NewSignal();
    private WebApplication? _app;
    private int _port;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The status answered when nothing is scripted.</summary>
    public int DefaultStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<NotificationReceiver> StartAsync()
    {
        var receiver = new NotificationReceiver();
        await receiver.ListenAsync();
        return receiver;
    }

    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).ToString();

    /// <summary>Answers the next request with <paramref name="status"/> and <paramref name="headers"/>, then goes back to the default.</summary>
    public void AnswerNext(int status, Dictionary<string, string>? headers = null) => _scripted.Enqueue((status, headers ?? []));

    public async Task StopListeningAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public Task ListenAgainAsync() => _app is null ? ListenAsync() : Task.CompletedTask;

    /// <summary>Completes once at least <paramref name="count"/> requests arrived (30 s failure bound).</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var signal = Volatile.Read(ref _signal).Task;
            if (_received.Count >= count)
            {
                return Received;
            }
            await signal.WaitAsync(deadline.Token);
        }
    }

    public ValueTask DisposeAsync() => new(StopListeningAsync());

    private async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _port));
        var app = builder.Build();
        app.Run(ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
        _port = BaseAddress.Port;
        _app = app;
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (status, answerHeaders) = _scripted.TryDequeue(out var scripted) ? scripted : (DefaultStatus, []);
        // Every attempt is recorded, acknowledged or not, with the answer it got.
        _received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body, status));
        Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();
        foreach (var (name, value) in answerHeaders)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.StatusCode = status;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One request a <see cref="NotificationReceiver"/> got, and the status it answered.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

    public bool Acknowledged => AnsweredStatus is >= 200 and < 300;
}

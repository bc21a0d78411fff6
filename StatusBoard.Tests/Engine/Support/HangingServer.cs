using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace StatusBoard.Tests.Engine.Support;

/// <summary>A loopback server that accepts connections and never answers; a test can wait for the first accept.</summary>
public sealed class HangingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;

    public HangingServer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Completes when the first connection has been accepted.</summary>
    public Task Accepted => _accepted.Task;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _held.Add(await _listener.AcceptTcpClientAsync());
                _accepted.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _acceptLoop;
        foreach (var client in _held)
        {
            client.Dispose();
        }
    }
}

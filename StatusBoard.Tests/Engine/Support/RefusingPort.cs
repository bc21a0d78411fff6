using System.Net;
using System.Net.Sockets;

namespace StatusBoard.Tests.Engine.Support;

/// <summary>
/// A loopback port that refuses every connection for as long as this object lives: the socket is bound (so no one
/// else can take the port) but never listens. Unlike "bind, close, reuse" it cannot be taken by another test.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    public void Dispose() => _socket.Dispose();
}

using System.Text;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Reads Server-Sent Events (id, event, data) from a response stream.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public sealed record Message(string Id, string Event, string Data);

    public async Task<Message> NextAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        string id = "", name = "message";
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new Message(id, name, data.ToString());
                }
                continue;
            }
            if (line.StartsWith(':'))
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// An SSE client of one node's <c>/api/status/stream</c> reading in the background: every event with its version
/// (the trailing integer of <c>id:</c>), its data and when it arrived, so a test waits for a version showing a change
/// and compares what the nodes delivered.
/// </summary>
public sealed class ClusterStream : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Event> _events = new();
    private volatile TaskCompletionSource _signal = NewSignal();
    private Task _reading = Task.CompletedTask;
    private Exception? _failure;

    private readonly Func<string> _tail;

    private ClusterStream(string name, Func<string> tail)
    {
        Name = name;
        _tail = tail;
    }

    /// <summary>One event: its <c>id:</c>, the version in it, the data (a whole snapshot) and when it was read.</summary>
    public sealed record Event(string Id, long Version, string Data, DateTimeOffset At)
    {
        /// <summary>The level of service <paramref name="id"/> in this snapshot, or null when it is not listed.</summary>
        public string? StatusOf(string id) => Read(id, s => s.GetProperty("status").GetString());

        /// <summary>When service <paramref name="id"/> was last checked, as this snapshot says (null: not yet).</summary>
        public DateTimeOffset? CheckedAtOf(string id) =>
            Read(id, s => s.GetProperty("checkedAt") is { ValueKind: JsonValueKind.String } at ? at.GetDateTimeOffset() : (DateTimeOffset?)null);

        private T? Read<T>(string id, Func<JsonElement, T> read)
        {
            using var json = JsonDocument.Parse(Data);
            foreach (var service in json.RootElement.GetProperty("services").EnumerateArray())
            {
                if (service.GetProperty("id").GetString() == id)
                {
                    return read(service);
                }
            }
            return default;
        }
    }

    /// <summary>Whose stream it is (a node's name, or the front).</summary>
    public string Name { get; }

    public IReadOnlyList<Event> Events => [.. _events];

    /// <summary>Opens <paramref name="url"/>; <paramref name="tail"/> tells what the server printed, for failure messages.</summary>
    public static async Task<ClusterStream> OpenAsync(Uri url, string name, Func<string> tail)
    {
        var stream = new ClusterStream(name, tail);
        var response = await stream._http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stream._stop.Token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(stream._stop.Token);
        stream._reading = Task.Run(() => stream.ReadAsync(response, body));
        return stream;
    }

    /// <summary>The first event (already received or to come; 60 s bound) whose snapshot matches <paramref name="match"/>.</summary>
    public async Task<Event> WaitForAsync(Func<Event, bool> match, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var signal = _signal.Task;
            if (_events.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (_failure is not null || _reading.IsCompleted)
            {
                throw new InvalidOperationException($"{Name}'s stream ended before {what}; output:\n{_tail()}", _failure);
            }
            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}'s stream never delivered {what} (last: {_events.LastOrDefault()?.Id}); output:\n{_tail()}");
            }
        }
    }

    /// <summary>The first event showing service <paramref name="id"/> at <paramref name="status"/>.</summary>
    public Task<Event> WaitForStatusAsync(string id, string status) =>
        WaitForAsync(e => e.StatusOf(id) == status, $"{id} {status}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _http.Dispose();
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReadAsync(HttpResponseMessage response, Stream body)
    {
        using var owned = response;
        using var reader = new SseReader(body);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var message = await reader.NextAsync(Timeout.InfiniteTimeSpan).WaitAsync(_stop.Token);
                var version = long.Parse(message.Id[(message.Id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
                _events.Enqueue(new Event(message.Id, version, message.Data, DateTimeOffset.UtcNow));
                Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The test is done with this stream.
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or EndOfStreamException)
        {
            _failure = ex; // the node died or closed the stream: a waiter says so
        }
        finally
        {
            _signal.TrySetResult();
        }
    }
}

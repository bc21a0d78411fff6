using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// One StatusBoard node of a test cluster: the real app as a child process (<see cref="AppProcess"/>), its HTTP
/// address read from Kestrel's "Now listening on" line, and every role change it logs, with when it was read.
/// </summary>
public sealed partial class ClusterNode : IAsyncDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60); // failure bound only: a loaded machine is slow
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RoleChange> _roles = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private volatile TaskCompletionSource _roleSignal = NewSignal();
    private AppProcess _process = null!;

    private ClusterNode(string name) => Name = name;

    /// <summary>A role the node announced: <c>leader</c> or <c>follower</c>, and when the test read the line.</summary>
    public sealed record RoleChange(string Role, DateTimeOffset At);

    /// <summary>The node's name (<c>StatusBoard:Cluster:NodeName</c>), as /healthz reports it.</summary>
    public string Name { get; }

    public Uri BaseAddress => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException($"{Name} has no address yet");

    public IReadOnlyList<RoleChange> Roles => [.. _roles];

    public bool HasExited => _process.HasExited;

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Cluster: this node is now (leader|follower)")]
    private static partial Regex RoleLine();

    /// <summary>Starts the app with <paramref name="settings"/> and waits (60 s bound) until it listens.</summary>
    public static async Task<ClusterNode> StartAsync(string name, IEnumerable<string> settings)
    {
        var node = new ClusterNode(name);
        node._process = AppProcess.Start(settings, node.OnLine);
        try
        {
            await node._address.Task.WaitAsync(s_patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{name} never listened; output:\n{node.Tail()}");
        }
        return node;
    }

    /// <summary>Completes when the node logs that it is <paramref name="role"/> (now or already), with when it did.</summary>
    public async Task<RoleChange> WaitForRoleAsync(string role, DateTimeOffset? after = null)
    {
        using var deadline = new CancellationTokenSource(s_patience);
        while (true)
        {
            var signal = _roleSignal.Task;
            if (_roles.LastOrDefault(r => r.Role == role && r.At >= (after ?? DateTimeOffset.MinValue)) is { } change)
            {
                return change;
            }
            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} never logged 'now {role}'; output:\n{Tail()}");
            }
        }
    }

    /// <summary>The current <c>/api/status</c>: its version, ETag and bytes.</summary>
    public async Task<StatusResponse> GetStatusAsync()
    {
        using var response = await _http.GetAsync(new Uri(BaseAddress, "/api/status"));
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var json = JsonDocument.Parse(bytes);
        return new StatusResponse(json.RootElement.GetProperty("version").GetInt64(), response.Headers.ETag?.Tag ?? "", bytes);
    }

    /// <summary>The <c>cluster</c> check of <c>/healthz</c>, or null when there is none (one box).</summary>
    public async Task<ClusterHealth?> GetClusterHealthAsync()
    {
        using var json = JsonDocument.Parse(await GetStringAsync("/healthz"));
        foreach (var check in json.RootElement.GetProperty("checks").EnumerateArray())
        {
            if (check.GetProperty("name").GetString() == "cluster")
            {
                return ClusterHealth.From(check);
            }
        }
        return null;
    }

    /// <summary>One gauge of <c>/metrics</c> (the first line <c>name value</c> or <c>name{labels} value</c>), or null when absent.</summary>
    public async Task<double?> GetMetricAsync(string name)
    {
        foreach (var line in (await GetStringAsync("/metrics")).Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && (parts[0] == name || parts[0].StartsWith(name + "{", StringComparison.Ordinal)))
            {
                return double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <c>/api/status/stream</c> and records every event it delivers from now on.</summary>
    public Task<ClusterStream> OpenStreamAsync() => ClusterStream.OpenAsync(new Uri(BaseAddress, "/api/status/stream"), Name, Tail);

    /// <summary>kill -9: no shutdown, no lease released, no last write.</summary>
    public Task KillAsync() => _process.KillAsync();

    public string Tail() => _process?.Tail() ?? "";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnLine(string line)
    {
        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _address.TrySetResult(new Uri(listening.Groups[1].Value));
        }
        if (RoleLine().Match(line) is { Success: true } role)
        {
            _roles.Enqueue(new RoleChange(role.Groups[1].Value, DateTimeOffset.UtcNow));
            Interlocked.Exchange(ref _roleSignal, NewSignal()).TrySetResult();
        }
    }
}

/// <summary>What one node's <c>/api/status</c> answered.</summary>
public sealed record StatusResponse(long Version, string ETag, byte[] Bytes);

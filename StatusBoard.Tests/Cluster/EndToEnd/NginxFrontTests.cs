using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using FluentAssertions;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster.EndToEnd;

/// <summary>
/// The scale-out recipe's front, <c>deploy/nginx.conf</c> itself, in Debian's nginx before three real nodes: it passes
/// <c>nginx -t</c>; pages and the Blazor circuit's negotiate and WebSocket upgrade stay on one node (ip_hash); the read
/// API spreads over the nodes and is the same version and ETag whichever answers; SSE passes unbuffered.
/// </summary>
[Collection(nameof(BusyChildProcessCollection))]
public sealed class NginxFrontTests
{
    [Fact]
    public async Task DeployNginxConf_PagesAndCircuitsStick_TheApiSpreads_SseIsUnbuffered()
    {
        // Arrange: three nodes with one leader, nginx in front of them
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ClusterNodes.StartAsync(3);
        var leader = await cluster.AgreedLeaderAsync();
        await cluster.PolledAsync();
        await using var nginx = ClusterNginx.Start(cluster.Nodes);
        using var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await cluster.EventuallyAsync(() => ReachableAsync(http), up => up, "nginx answers (after nginx -t): " + nginx.Output());

        // Act: the read API six times, the page six times, then a circuit's negotiate and WebSocket
        var first = await leader.GetStatusAsync();
        var etags = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync("/api/status", ct);
            response.EnsureSuccessStatusCode();
            etags.Add(response.Headers.ETag!.Tag);
        }
        for (var i = 0; i < 6; i++)
        {
            (await http.GetAsync("/", ct)).EnsureSuccessStatusCode();
        }
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, ct);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{nginx.BaseAddress.Authority}/_blazor?id={token}"), ct);

        // Assert: the leader's ETags whoever answered (a freshness version may come between two reads), the API spread
        // over nodes, page and circuit on one node
        var last = await leader.GetStatusAsync();
        var leaderETags = Enumerable.Range((int)first.Version, (int)(last.Version - first.Version) + 1)
            .Select(v => first.ETag.Replace($"-{first.Version}\"", $"-{v}\"", StringComparison.Ordinal)).ToList();
        etags.Should().OnlyContain(e => leaderETags.Contains(e), "every node serves the leader's versions: " + string.Join(", ", leaderETags));
        nginx.UpstreamsOf("\"GET /api/status HTTP").Distinct().Should().HaveCountGreaterThan(1, "the read API is not sticky");
        var pageNodes = nginx.UpstreamsOf("\"GET / HTTP").Distinct().ToList();
        pageNodes.Should().ContainSingle("ip_hash keeps a client's pages on one node");
        socket.State.Should().Be(WebSocketState.Open, "the upgrade headers pass");
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        // nginx logs a WebSocket when it closes; the log file is the only signal.
        await cluster.EventuallyAsync(() => Task.FromResult(nginx.UpstreamsOf("\"GET /_blazor?id=")), u => u.Count == 1, "nginx logged the WebSocket");
        nginx.UpstreamsOf("/_blazor").Should().HaveCount(2).And.OnlyContain(u => u == pageNodes[0], "the circuit lives where its page was rendered");

        // Act: a change, watched through nginx and directly on the leader
        await using var front = await ClusterStream.OpenAsync(new Uri(nginx.BaseAddress, "/api/status/stream"), "nginx", nginx.Output);
        await using var direct = await leader.OpenStreamAsync();
        cluster.Upstream.Set(ClusterNodes.Page("svc06"), StatuspageJson.Summary("critical", "major_outage"));
        var viaNginx = await front.WaitForStatusAsync("svc06", "major_outage");
        var atLeader = await direct.WaitForStatusAsync("svc06", "major_outage");

        // Assert: the same event, through nginx within 1 s of the leader's own stream (nginx does not buffer it)
        viaNginx.Id.Should().Be(atLeader.Id);
        (viaNginx.At - atLeader.At).Duration().Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    /// <summary>True once nginx accepts connections (it starts after <c>nginx -t</c>; no event says it listens).</summary>
    private static async Task<bool> ReachableAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/api/status");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

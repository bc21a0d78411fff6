using System.Globalization;

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// A StatusBoard cluster for one test, as README's scale-out recipe runs it but without containers: a real
/// redis-server, a fresh PostgreSQL database for the history, one local upstream serving a Statuspage page per
/// service, a catalog of <see cref="Services"/> polled every <see cref="PollInterval"/> (and one "slow" service every
/// <see cref="SlowInterval"/>, to see whether a new leader resumes the schedule), and N nodes (real app processes).
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    /// <summary>The lease period the nodes run with: failover is due within two of these.</summary>
    public static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SlowInterval = TimeSpan.FromSeconds(12);
    public const string SlowService = "slow";

    /// <summary>How often polls that change nothing but "last checked" are published (and so reach the followers).</summary>
    public static readonly TimeSpan FreshnessInterval = TimeSpan.FromSeconds(2);
    private readonly List<ClusterNode> _nodes = [];
    private readonly string _keyPrefix = "sb-test-" + Guid.NewGuid().ToString("N")[..8];
    private string _catalog = null!;
    private string? _history;
    private TimeSpan _staleAfter;

    private ClusterNodes(FakeUpstream upstream) => Upstream = upstream;

    /// <summary>The fast services' ids; every one is polled each <see cref="PollInterval"/>.</summary>
    public static IReadOnlyList<string> Services { get; } = [.. Enumerable.Range(1, 9).Select(i => $"svc{i:00}")];

    /// <summary>Every service id, the slow one last.</summary>
    public static IReadOnlyList<string> AllServices { get; } = [.. Services, SlowService];

    public FakeUpstream Upstream { get; }

    /// <summary>Null for a single box (no <c>Cluster:Redis</c>).</summary>
    public RedisServer? Redis { get; private set; }

    /// <summary>The history database's connection string (PostgreSQL), or null for a single box on SQLite.</summary>
    public string? HistoryDatabase => _history;

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public IEnumerable<ClusterNode> Alive => _nodes.Where(n => !n.HasExited);

    public static string Page(string id) => $"/{id}/api/v2/summary.json";

    /// <summary>
    /// Starts Redis, a PostgreSQL database, the upstream (every page operational) and <paramref name="count"/> nodes.
    /// </summary>
    public static async Task<ClusterNodes> StartAsync(int count, TimeSpan? staleAfter = null)
    {
        var cluster = await CreateAsync();
        cluster.Redis = await RedisServer.StartAsync();
        cluster._history = await SharedPostgres.CreateDatabaseAsync();
        cluster._staleAfter = staleAfter ?? TimeSpan.FromSeconds(30);
        for (var i = 1; i <= count; i++)
        {
            await cluster.StartNodeAsync($"node{i}");
        }
        return cluster;
    }

    /// <summary>One box as today: no Redis, no PostgreSQL (SQLite in its data directory).</summary>
    public static async Task<ClusterNodes> StartSingleAsync()
    {
        var cluster = await CreateAsync();
        await cluster.StartNodeAsync("single");
        return cluster;
    }

    private static async Task<ClusterNodes> CreateAsync()
    {
        var cluster = new ClusterNodes(await FakeUpstream.StartAsync());
        foreach (var id in AllServices)
        {
            cluster.Upstream.Set(Page(id), StatuspageJson.Summary("none"));
        }
        cluster._catalog = TestCatalog.Write(AllServices.Select(id => new TestCatalog.Entry(id, cluster.Upstream.Url(Page(id)),
            Extra: new Dictionary<string, object?> { ["interval"] = Interval(id).ToString("c", CultureInfo.InvariantCulture) })));
        return cluster;
    }

    public static TimeSpan Interval(string id) => id == SlowService ? SlowInterval : PollInterval;

    public async Task<ClusterNode> StartNodeAsync(string name)
    {
        var node = await ClusterNode.StartAsync(name, Settings(name));
        _nodes.Add(node);
        return node;
    }

    private IEnumerable<string> Settings(string name)
    {
        string[] common =
        [
            $"--StatusBoard:CatalogFile={_catalog}",
            $"--StatusBoard:DataDirectory={TestData.NewDirectory()}",
            "--StatusBoard:History:FlushInterval=00:00:00.100",
            "--StatusBoard:CanaryUrls:0=http://127.0.0.1:9/",
            "--StatusBoard:HostSpacing=00:00:00",
            "--StatusBoard:MaxRequestsPerHost=100",
            "--StatusBoard:PublishDelay=00:00:00",
            // "Last checked" reaches the followers this often: a new leader resumes the schedule from what it saw.
            $"--StatusBoard:FreshnessInterval={FreshnessInterval:c}",
            "--Logging:LogLevel:Default=Information",
        ];
        if (Redis is null)
        {
            return common;
        }
        return
        [
            .. common,
            $"--StatusBoard:Cluster:Redis={Redis.ConnectionString}",
            $"--StatusBoard:Cluster:LeasePeriod={LeasePeriod:c}",
            $"--StatusBoard:Cluster:KeyPrefix={_keyPrefix}",
            $"--StatusBoard:Cluster:StaleAfter={_staleAfter:c}",
            $"--StatusBoard:Cluster:NodeName={name}",
            "--StatusBoard:Database:Provider=postgres",
            $"--StatusBoard:Database:ConnectionString={_history}",
        ];
    }

    /// <summary>Waits (60 s bound) until every fast page was polled <paramref name="more"/> more times: the cluster runs.</summary>
    public async Task PolledAsync(int more = 2)
    {
        foreach (var id in Services)
        {
            await Upstream.WaitForHitsAsync(Page(id), Upstream.Hits(Page(id)) + more, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>
    /// The one leader the live nodes agree on (60 s bound): exactly one says role leader, every live node names it as
    /// the lease holder.
    /// </summary>
    public async Task<ClusterNode> AgreedLeaderAsync()
    {
        var health = await EventuallyAsync(ReadHealthAsync, h => h.All(c => c is not null)
            && h.Count(c => c!.Role == "leader") == 1
            && h.All(c => c!.LeaseHolder == h.Single(l => l!.Role == "leader")!.Node), "one leader that every node names");
        var name = health.Single(h => h!.Role == "leader")!.Node;
        return _nodes.Single(n => n.Name == name);
    }

    /// <summary>
    /// Every live node's <c>/api/status</c>, read until they are at one version (a freshness version may be published
    /// between two reads); then a test compares their ETags and bytes.
    /// </summary>
    public Task<StatusResponse[]> SameVersionAsync() =>
        EventuallyAsync(() => Task.WhenAll(Alive.Select(n => n.GetStatusAsync())), s => s.Select(r => r.Version).Distinct().Count() == 1,
            "every node at one version");

    /// <summary>Waits for a /healthz state on every live node (60 s bound).</summary>
    public async Task<IReadOnlyList<ClusterHealth>> WaitForHealthAsync(Func<ClusterHealth, bool> match, string what) =>
        [.. (await EventuallyAsync(ReadHealthAsync, h => h.All(c => c is not null && match(c)), what)).Select(h => h!)];

    private Task<ClusterHealth?[]> ReadHealthAsync() => Task.WhenAll(Alive.Select(n => n.GetClusterHealthAsync()));

    /// <summary>
    /// Reads <paramref name="read"/> every 200 ms until <paramref name="done"/> holds (60 s bound). Only for states of
    /// other processes that no event announces (what three nodes agree on, what a node committed to the database).
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"never: {what}; last read: {Describe(value)}\n{Tails()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        System.Collections.IEnumerable items and not string => string.Join("; ", items.Cast<object?>()),
        _ => value?.ToString() ?? "null",
    };

    /// <summary>
    /// By page, how often two requests came closer than half its interval. One poller makes at most one such gap per
    /// term (a term's first request may be slow — a new connection — and the fixed-rate schedule then catches up);
    /// a second poller, at another phase, makes one every round. Compare with <see cref="Terms"/>.
    /// </summary>
    public IReadOnlyDictionary<string, int> ShortGaps() =>
        AllServices.ToDictionary(id => id, id =>
        {
            var times = Upstream.HitTimes(Page(id));
            return times.Zip(times.Skip(1), (a, b) => b - a).Count(gap => gap < Interval(id) * 0.5);
        });

    /// <summary>How many terms of polling there were: each leader's, or the one box's one.</summary>
    public int Terms => Redis is null ? 1 : _nodes.Sum(n => n.Roles.Count(r => r.Role == "leader"));

    public string Tails() => string.Join("\n", _nodes.Select(n => $"--- {n.Name}:\n{n.Tail()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
        await Upstream.DisposeAsync();
    }
}

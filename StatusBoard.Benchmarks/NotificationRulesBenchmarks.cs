using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Benchmarks;

/// <summary>
/// What the notification rules add to a poll cycle in which all 120 services change level (the worst case: a wave and
/// its recovery, alternating): the store's publish of each change plus the rules reading it, with 0 or 20 routes.
/// </summary>
public class NotificationRulesBenchmarks
{
    private const int ServiceCount = 120;
    private SnapshotStore _store = null!;
    private ChangeFeed _feed = null!;
    private NotificationRules _rules = null!;
    private ServiceProvider _provider = null!;
    private readonly List<NotificationMessage> _messages = [];
    private bool _down;

    [Params(0, 20)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = new Dictionary<string, string?> { ["StatusBoard:Notifications:HoldFor"] = "00:00:00" };
        for (var i = 0; i < Routes; i++)
        {
            settings[$"StatusBoard:Notifications:Routes:{i}:name"] = $"route{i}";
            settings[$"StatusBoard:Notifications:Routes:{i}:channel"] = "slack";
            settings[$"StatusBoard:Notifications:Routes:{i}:services:0"] = i % 2 == 0 ? "*" : $"svc{i}*";
        }
        _provider = new ServiceCollection()
            .AddStatusBoardNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        _rules = _provider.GetRequiredService<NotificationRules>();
        _store = new SnapshotStore(TimeProvider.System, Options.Create(new SnapshotOptions { PublishDelay = TimeSpan.Zero }),
            Enumerable.Range(0, ServiceCount).Select(i => ServiceStatus.Pending($"svc{i:000}", $"Service {i}", $"cat{i % 4}", null)));
        _feed = _store.OpenChangeFeed();
        _rules.Start(_feed.Start);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _feed.Dispose();
        _store.Dispose();
        _provider.Dispose();
    }

    [Benchmark]
    public int PollCycleWithEveryServiceChanging()
    {
        _down = !_down;
        var now = DateTimeOffset.UtcNow;
        foreach (var status in _store.Current.Services)
        {
            _store.Apply(status with
            {
                Status = _down ? StatusLevel.MajorOutage : StatusLevel.Operational, CheckedAt = now, LastChangedAt = now, Error = null,
            });
        }
        while (_feed.TryRead(out var change))
        {
            _rules.Observe(change, now, _messages);
        }
        _rules.Tick(now, _messages, closeGroups: true);
        var count = _messages.Count;
        _messages.Clear();
        return count;
    }
}

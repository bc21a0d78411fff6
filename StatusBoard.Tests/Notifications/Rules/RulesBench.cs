using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Rules;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>
/// The rules on a real store and its ordered change feed, with settings bound from configuration keys the way the app
/// binds them; time moves on a fake clock and the rules are ticked at each moment they asked for (as the recorder's timer does).
/// </summary>
internal sealed class RulesBench : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly ChangeFeed _feed;

    public RulesBench(Dictionary<string, string?> settings, (string Id, string Category)[] services,
        Action<SnapshotStore>? before = null, IBoardMembership? boards = null)
    {
        Time = new FakeTimeProvider(T0);
        Store = TestStores.Create(Time, services);
        before?.Invoke(Store);
        var collection = new ServiceCollection();
        if (boards is not null)
        {
            collection.AddSingleton(boards);
        }
        collection.AddStatusBoardNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _provider = collection.BuildServiceProvider();
        Rules = _provider.GetRequiredService<NotificationRules>();
        _feed = Store.OpenChangeFeed();
        Rules.Start(_feed.Start);
    }

    public FakeTimeProvider Time { get; }

    public SnapshotStore Store { get; }

    public NotificationRules Rules { get; }

    public List<NotificationMessage> Messages { get; } = [];

    public NotificationOptions Options => _provider.GetRequiredService<IOptions<NotificationOptions>>().Value;

    /// <summary>One route named "team" on the slack channel, with extra keys of its own (e.g. ("minLevel", "major_outage")).</summary>
    public static Dictionary<string, string?> OneRoute(params (string Key, string Value)[] route)
    {
        var settings = new Dictionary<string, string?>
        {
            ["StatusBoard:Notifications:Routes:0:name"] = "team",
            ["StatusBoard:Notifications:Routes:0:channel"] = "slack",
            ["StatusBoard:Notifications:Routes:0:url"] = "http://127.0.0.1:9/hook",
        };
        foreach (var (key, value) in route)
        {
            settings[$"StatusBoard:Notifications:Routes:0:{key}"] = value;
        }
        return settings;
    }

    public static (string Id, string Category)[] Services(int count, int categories = 3) =>
        [.. Enumerable.Range(1, count).Select(i => ($"svc{i:00}", $"cat{i % categories}"))];

    /// <summary>Publishes a reading and hands every change the store queued to the rules.</summary>
    public void Set(string id, StatusLevel level, string? summary = null)
    {
        Store.Set(Time, id, level, summary);
        Drain();
    }

    public void Apply(ServiceStatus status)
    {
        Store.Apply(status);
        Drain();
    }

    public void SetOffline(Connectivity? offline)
    {
        Store.SetOffline(offline);
        Drain();
    }

    /// <summary>Moves the clock on, ticking the rules at every moment they are due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Time.GetUtcNow() + by;
        var ticks = 0;
        while (Rules.NextDue(Time.GetUtcNow()) is { } due && due <= until)
        {
            // A due time that a tick does not consume would spin the recorder's timer: fail instead of hanging.
            (++ticks).Should().BeLessThan(10_000, "every due time is consumed by the tick at it");
            if (due > Time.GetUtcNow())
            {
                Time.Advance(due - Time.GetUtcNow());
            }
            Rules.Tick(Time.GetUtcNow(), Messages);
        }
        Time.Advance(until - Time.GetUtcNow());
        Rules.Tick(Time.GetUtcNow(), Messages);
    }

    private void Drain()
    {
        while (_feed.TryRead(out var change))
        {
            if (!change.FreshnessOnly)
            {
                Rules.Observe(change, Time.GetUtcNow(), Messages);
            }
        }
    }

    public void Dispose()
    {
        _feed.Dispose();
        Store.Dispose();
        _provider.Dispose();
    }
}

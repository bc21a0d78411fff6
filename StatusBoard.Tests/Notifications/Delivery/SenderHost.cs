using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Delivery;

/// <summary>
/// The outbox sender as the app registers it, on a fake clock, over a real history database (which survives a
/// <see cref="RestartAsync"/>), with every log line captured.
/// </summary>
public sealed class SenderHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly List<NotificationRoute> _routes;
    private readonly Dictionary<string, string?> _settings;
    private ServiceProvider _services = null!;

    private SenderHost(List<NotificationRoute> routes, Dictionary<string, string?> settings, FakeTimeProvider time)
    {
        _directory = TestData.NewDirectory();
        _routes = routes;
        _settings = settings;
        Time = time;
        Build();
    }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public OutboxStore Store => _services.GetRequiredService<OutboxStore>();

    public OutboxSender Sender => _services.GetRequiredService<OutboxSender>();

    public DeliveryHealth Health => _services.GetRequiredService<DeliveryHealth>();

    public IServiceProvider Services => _services;

    public static async Task<SenderHost> StartAsync(List<NotificationRoute> routes, Dictionary<string, string?>? settings = null)
    {
        var host = new SenderHost(routes, settings ?? [], new FakeTimeProvider(TestMessages.At));
        await host.Sender.StartAsync(CancellationToken.None);
        return host;
    }

    public void Enqueue(NotificationMessage message) => Store.Enqueue(message, Time.GetUtcNow());

    /// <summary>Stops the sender (as a shutdown would) and starts a new one over the same database.</summary>
    public async Task RestartAsync()
    {
        await Sender.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        Build();
        await Sender.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Steps the fake clock by <paramref name="step"/>, letting the sender settle after each step, until
    /// <paramref name="done"/> holds or <paramref name="limit"/> of fake time has passed.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        var end = Time.GetUtcNow() + limit;
        await SettleAsync();
        while (!done() && Time.GetUtcNow() < end)
        {
            var idle = Sender.NextIdleAsync();
            Time.Advance(step);
            // A step shorter than the sender's own wait fires no timer: the wake makes it look at the outbox anyway.
            Sender.Wake();
            await idle.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Waits until the sender has nothing in flight and is waiting (after a Wake, so it looked at the outbox).</summary>
    public async Task SettleAsync()
    {
        var idle = Sender.NextIdleAsync();
        Sender.Wake();
        await idle.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private void Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(TestHistory.NewDatabase(_directory))
            .AddNotificationDelivery(configuration);
        services.Configure<NotificationOptions>(o => o.Routes.AddRange(_routes));
        _services = services.BuildServiceProvider();
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>A first start without a network is quiet and honest: network failures are data, not stack traces.</summary>
public sealed partial class OfflineStartLoggingTests
{
    [Fact]
    public async Task FirstStartOffline_NoExceptionsLogged_NoSameLevelLines_EveryServiceSaysWhy()
    {
        // Arrange: refused, unresolvable and hanging upstreams; the canary (EngineHost's) refuses too.
        using var refusing = new RefusingPort();
        await using var hanging = new HangingServer();
        var logs = new CapturingLoggerProvider();
        var catalog = TestCatalog.Write([
            new("refused-1", refusing.Url("/one")),
            new("refused-2", refusing.Url("/two")),
            new("dns-1", new Uri("http://status.one.invalid/api/v2/summary.json")),
            new("dns-2", new Uri("http://status.two.invalid/api/v2/summary.json")),
            new("hanging", hanging.Url),
        ]);
        await using var engine = await EngineHost.StartAsync(catalog, logs: logs);

        // Act: the others have failed (so no DNS lookup still runs when the clock jumps); the hanging request meets its deadline.
        await engine.Store.WaitForAsync(s => s.Services.Where(x => x.Id != "hanging").All(x => x.CheckedAt is not null));
        await hanging.Accepted.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        engine.Time.Advance(TimeSpan.FromSeconds(5));
        await engine.WaitForCompletedPollsAsync(5);
        var snapshot = await engine.Store.WaitForAsync(s => s.Offline is not null && s.Services.All(x => x.CheckedAt is not null));

        // Assert
        var entries = logs.Entries;
        entries.Where(e => e.Exception is not null).Select(e => $"{e.Category}: {e.Message} ({e.Exception!.GetType().Name})")
            .Should().BeEmpty("network failures are data, not unexpected errors");
        entries.Select(e => e.Message).Where(m => SameLevelChange().IsMatch(m)).Should().BeEmpty("only real state changes are logged");
        entries.Where(e => e.Level >= LogLevel.Warning).Should().ContainSingle("one line says StatusBoard is offline")
            .Which.Message.Should().Contain("offline");
        snapshot.Services.Should().OnlyContain(s => s.Status == StatusLevel.Unknown && s.Error != null && s.Error != "Not checked yet");
        snapshot.Service("dns-1").Error.Should().StartWith("Host not found (DNS)");
        snapshot.Service("hanging").Summary.Should().Contain("StatusBoard is offline", "a never-known service says why it is unknown");
    }

    [GeneratedRegex(@"\b(\w+) -> \1\b")]
    private static partial Regex SameLevelChange();
}

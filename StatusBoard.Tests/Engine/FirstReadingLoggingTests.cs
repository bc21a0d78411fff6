using FluentAssertions;
using Microsoft.Extensions.Logging;
using StatusBoard.Tests.Engine.Support;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Engine;

/// <summary>
/// A first start with the network up logs the problems it found, not one line per healthy service (192 lines of
/// "Unknown -> Operational" told a newcomer nothing). Later level changes are logged as before.
/// </summary>
public sealed class FirstReadingLoggingTests
{
    [Fact]
    public async Task FirstReading_HealthyServicesAreQuiet_ProblemsAndLaterChangesAreLogged()
    {
        // Arrange
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/ok/api/v2/summary.json", StatuspageJson.Summary("none"));
        upstream.Set("/bad/api/v2/summary.json", StatuspageJson.Summary("major", "major_outage"));
        var logs = new CapturingLoggerProvider();
        var catalog = TestCatalog.Write([new("ok", upstream.Url("/ok/api/v2/summary.json")), new("bad", upstream.Url("/bad/api/v2/summary.json"))]);
        await using var engine = await EngineHost.StartAsync(catalog, logs: logs);

        // Act: the first readings, then "ok" degrades.
        await engine.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        upstream.Set("/ok/api/v2/summary.json", StatuspageJson.Summary("minor", "degraded_performance"));
        engine.Time.Advance(TimeSpan.FromMinutes(1.2));
        await engine.Store.WaitForAsync(s => s.Service("ok").Status == StatusBoard.Core.Snapshot.StatusLevel.Degraded);

        // Assert
        var changes = logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Message.Contains(" -> ", StringComparison.Ordinal))
            .Select(e => e.Message).ToArray();
        changes.Should().HaveCount(2);
        changes.Should().Contain(m => m.StartsWith("bad: Unknown -> MajorOutage", StringComparison.Ordinal));
        changes.Should().Contain(m => m.StartsWith("ok: Operational -> Degraded", StringComparison.Ordinal));
    }
}

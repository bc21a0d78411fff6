using System.Text.Json;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.History;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.History;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>
/// The real engine polling a local status page, the rules inside the history recorder, the outbox in the history
/// database: a hold matures without a new poll, a restart on the same database never queues a message again, and a
/// history write that fails writes no outbox row either.
/// </summary>
public sealed class OutboxEndToEndTests : IAsyncLifetime
{
    private const string PagePath = "/down/api/v2/summary.json";
    private FakeUpstream _upstream = null!;

    public async ValueTask InitializeAsync() => _upstream = await FakeUpstream.StartAsync();

    public async ValueTask DisposeAsync() => await _upstream.DisposeAsync();

    private string Catalog() => TestCatalog.Write([new TestCatalog.Entry("down", _upstream.Url(PagePath), Name: "Down")]);

    private static Dictionary<string, string?> Settings(string directory, string holdFor = "00:02:00") => new()
    {
        ["StatusBoard:DataDirectory"] = directory,
        ["StatusBoard:Notifications:HoldFor"] = holdFor,
        // One event per message here, so no window has to close before a row appears (grouping has its own tests).
        ["StatusBoard:Notifications:GroupWindow"] = "00:00:00",
        ["StatusBoard:Notifications:Routes:0:name"] = "team",
        ["StatusBoard:Notifications:Routes:0:channel"] = "slack",
        ["StatusBoard:Notifications:Routes:0:url"] = "http://127.0.0.1:9/hook",
    };

    private static string DatabaseFile(string directory) => Path.Combine(directory, new HistoryOptions().FileName);

    private static List<(string Key, string State, long Created, long Next, NotificationMessage Message)> Outbox(string directory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = DatabaseFile(directory), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key, state, created_at, next_attempt_at, message FROM notification_outbox ORDER BY id";
        using var rows = command.ExecuteReader();
        var list = new List<(string, string, long, long, NotificationMessage)>();
        while (rows.Read())
        {
            list.Add((rows.GetString(0), rows.GetString(1), rows.GetInt64(2), rows.GetInt64(3),
                JsonSerializer.Deserialize(rows.GetString(4), NotificationJsonContext.Default.NotificationMessage)!));
        }
        return list;
    }

    /// <summary>Waits for a history write that makes <paramref name="condition"/> true, nudging the writer's flush interval on the fake clock.</summary>
    private static Task WaitAsync(EngineHost host, Func<bool> condition, string what) =>
        HistoryTestKit.WaitForHistoryAsync(host.Services.GetRequiredService<HistoryHealth>(), condition, what,
            between: () => host.Time.Advance(TimeSpan.FromSeconds(2)));

    [Fact]
    public async Task DownAndHolds_OneRow_NoNewPollNeeded_AndARestartNeverQueuesItAgain_ThenTheRecoveryIsOneRow()
    {
        // Arrange
        var directory = TestData.NewDirectory();
        _upstream.Set(PagePath, StatuspageJson.Summary("critical", "major_outage"));

        // Act: host A sees the outage; the hold matures on the clock alone
        await using (var a = await EngineHost.StartAsync(Catalog(), Settings(directory)))
        {
            await a.Store.WaitForAsync(s => s.Service("down").Status == StatusLevel.MajorOutage);
            // The recorder reads the change feed on its own: only once it has recorded the outage is the hold running.
            await WaitAsync(a, () => OutageTransitions(directory) == 1, "the outage recorded");
            a.Time.Advance(TimeSpan.FromMinutes(3));
            await WaitAsync(a, () => Outbox(directory).Count == 1, "the outage's outbox row");
        }
        var first = Outbox(directory).Single();

        // Act: host B on the same database restores the outage (stale), polls it fresh again and again
        await using var b = await EngineHost.StartAsync(Catalog(), Settings(directory));
        await b.Store.WaitForAsync(s => s.Service("down") is { Stale: false, Status: StatusLevel.MajorOutage });
        var polls = b.CompletedPolls;
        b.Time.Advance(TimeSpan.FromMinutes(5));
        await b.WaitForCompletedPollsAsync(polls + 1);
        _upstream.Set(PagePath, StatuspageJson.Summary("none"));
        b.Time.Advance(TimeSpan.FromSeconds(61));
        await b.Store.WaitForAsync(s => s.Service("down").Status == StatusLevel.Operational);
        b.Time.Advance(TimeSpan.FromMinutes(3));
        await WaitAsync(b, () => Outbox(directory).Count >= 2, "the recovery's outbox row");

        // Assert
        first.Message.Title.Should().Be("Down: major outage");
        first.State.Should().Be("pending");
        first.Key.Should().Be(first.Message.IdempotencyKey);
        var rows = Outbox(directory);
        rows.Should().HaveCount(2, "the restart re-read the same outage and queued nothing new");
        rows[1].Message.Title.Should().Be("Down: operational again");
        rows[1].Message.Events.Single().Kind.Should().Be(NotificationEventKind.Recovered);
    }

    [Fact]
    public async Task FailingHistoryWrite_WritesNoOutboxRowEither_AndTheRetryWritesBoth()
    {
        // Arrange: no hold, so the outage's message is decided with the transition that records it
        var directory = TestData.NewDirectory();
        _upstream.Set(PagePath, StatuspageJson.Summary("none"));
        await using var host = await EngineHost.StartAsync(Catalog(), Settings(directory, holdFor: "00:00:00"));
        var health = host.Services.GetRequiredService<HistoryHealth>();
        await host.WaitForCompletedPollsAsync(1); // the next poll is scheduled: the clock may move
        await WaitAsync(host, () => health.BatchesWritten >= 1, "the first reading written");
        Sql(directory, "CREATE TRIGGER full_disk BEFORE INSERT ON transitions BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        // Act
        _upstream.Set(PagePath, StatuspageJson.Summary("critical", "major_outage"));
        // Twice an interval: the engine may register its next wait only after the first move of the clock.
        host.Time.Advance(TimeSpan.FromSeconds(61));
        host.Time.Advance(TimeSpan.FromSeconds(61));
        await WaitAsync(host, () => !health.Healthy, "the failed write");
        var whileFailing = Outbox(directory).Count;
        Sql(directory, "DROP TRIGGER full_disk;");
        await WaitAsync(host, () => health.Healthy, "the retried write");

        // Assert
        whileFailing.Should().Be(0);
        Outbox(directory).Should().ContainSingle().Which.Message.Title.Should().Be("Down: major outage");
        OutageTransitions(directory).Should().Be(1);
    }

    private static long OutageTransitions(string directory) =>
        HistoryTestKit.Count(DatabaseFile(directory), "SELECT count(*) FROM transitions WHERE to_level = 'major_outage'");

    private static void Sql(string directory, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile(directory), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

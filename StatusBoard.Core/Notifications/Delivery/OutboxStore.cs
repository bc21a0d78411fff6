using System.Text.Json;
using Microsoft.Data.Sqlite;
using StatusBoard.Core.History;

namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>
/// Reads and updates <c>notification_outbox</c> in the history database (the rules insert its rows in the history
/// transaction). A row leaves <c>pending</c> only when acknowledged (delivered) or given up (dead), so a row in flight
/// at a crash is pending again on the next start and sent with the same idempotency key.
/// </summary>
public sealed class OutboxStore(HistoryDatabase database)
{
    private const string Columns = """
        SELECT id, idempotency_key, route, message, created_at, state, attempts, next_attempt_at, last_attempt_at,
               last_result, delivered_at FROM notification_outbox
        """;

    /// <summary>
    /// Each route's oldest pending row: a route's messages go out one at a time in the order they were queued, so
    /// a retry holds back the ones behind it instead of letting them overtake.
    /// </summary>
    public List<OutboxRow> RouteHeads() => Query(Columns + """
         WHERE id IN (SELECT min(id) FROM notification_outbox WHERE state = 'pending' GROUP BY route)
         ORDER BY next_attempt_at, id
        """, []);

    public void MarkDelivered(long id, DateTimeOffset now, string result) => Execute("""
        UPDATE notification_outbox SET state = 'delivered', attempts = attempts + 1, last_attempt_at = $now,
               delivered_at = $now, last_result = $result WHERE id = $id AND state = 'pending'
        """, ("$id", id), ("$now", now.ToUnixTimeMilliseconds()), ("$result", result));

    public void MarkRetry(long id, DateTimeOffset now, DateTimeOffset next, string result) => Execute("""
        UPDATE notification_outbox SET attempts = attempts + 1, last_attempt_at = $now, next_attempt_at = $next,
               last_result = $result WHERE id = $id AND state = 'pending'
        """, ("$id", id), ("$now", now.ToUnixTimeMilliseconds()), ("$next", next.ToUnixTimeMilliseconds()), ("$result", result));

    /// <summary>Gives a row up; <paramref name="attempted"/> says whether this call ends an attempt (counted) or not.</summary>
    public void MarkDead(long id, DateTimeOffset now, string result, bool attempted) => Execute("""
        UPDATE notification_outbox SET state = 'dead', attempts = attempts + $attempted, last_attempt_at = $now,
               last_result = $result WHERE id = $id AND state = 'pending'
        """, ("$id", id), ("$now", now.ToUnixTimeMilliseconds()), ("$result", result), ("$attempted", attempted ? 1 : 0));

    /// <summary>Queues a message (for tests, the benchmark and tools; the rules insert theirs in the history transaction).</summary>
    public void Enqueue(NotificationMessage message, DateTimeOffset now) => Execute("""
        INSERT OR IGNORE INTO notification_outbox (idempotency_key, route, message, created_at, next_attempt_at)
        VALUES ($key, $route, $message, $now, $now)
        """, ("$key", message.IdempotencyKey), ("$route", message.Route),
        ("$message", JsonSerializer.Serialize(message, NotificationJsonContext.Default.NotificationMessage)), ("$now", now.ToUnixTimeMilliseconds()));

    /// <summary>A route's latest rows (any state), newest first.</summary>
    public List<OutboxRow> Recent(string route, int limit) =>
        Query(Columns + " WHERE route = $route ORDER BY id DESC LIMIT $limit", [("$route", route), ("$limit", limit)]);

    /// <summary>A route's rows in one state, oldest first.</summary>
    public List<OutboxRow> InState(string route, string state, int limit) =>
        Query(Columns + " WHERE route = $route AND state = $state ORDER BY id LIMIT $limit", [("$route", route), ("$state", state), ("$limit", limit)]);

    public Dictionary<string, OutboxCounts> Counts()
    {
        var counts = new Dictionary<string, OutboxCounts>(StringComparer.Ordinal);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT route, sum(state = 'pending'), sum(state = 'dead') FROM notification_outbox
            WHERE state IN ('pending', 'dead') GROUP BY route
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = new OutboxCounts(reader.GetInt32(1), reader.GetInt32(2));
        }
        return counts;
    }

    public static NotificationMessage? Read(OutboxRow row)
    {
        try
        {
            return JsonSerializer.Deserialize(row.Message, NotificationJsonContext.Default.NotificationMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private List<OutboxRow> Query(string sql, (string Name, object Value)[] parameters)
    {
        var rows = new List<OutboxRow>();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), At(reader.GetInt64(4)),
                reader.GetString(5), reader.GetInt32(6), At(reader.GetInt64(7)), OptionalAt(reader, 8),
                reader.IsDBNull(9) ? null : reader.GetString(9), OptionalAt(reader, 10)));
        }
        return rows;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private static DateTimeOffset? OptionalAt(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : At(reader.GetInt64(ordinal));
}

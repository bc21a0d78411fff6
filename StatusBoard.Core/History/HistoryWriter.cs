using System.Text.Json;
using Microsoft.Data.Sqlite;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>Commits a <see cref="HistoryBatch"/> in one transaction, and prunes old rows.</summary>
public sealed class HistoryWriter(HistoryDatabase database)
{
    /// <summary>The database file written to (for log messages).</summary>
    public string FilePath => database.FilePath;

    public void Write(HistoryBatch batch, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();

        using (var insert = Command(connection, transaction,
            "INSERT INTO transitions (service, at, from_level, to_level, reason) VALUES ($service, $at, $from, $to, $reason)"))
        {
            foreach (var t in batch.Transitions)
            {
                Run(insert, ("$service", t.Service), ("$at", Ms(t.At)), ("$from", t.From.ToApiName()), ("$to", t.To.ToApiName()), ("$reason", t.Reason));
            }
        }

        // An incident keeps the first start we saw; everything else is its latest state. Seen again: open again.
        using (var upsert = Command(connection, transaction, """
            INSERT INTO incidents (service, id, kind, title, status, impact, started_at, updated_at, resolved_at, last_seen, url, updates)
            VALUES ($service, $id, $kind, $title, $status, $impact, $started, $updated, NULL, $seen, $url, $updates)
            ON CONFLICT (service, id) DO UPDATE SET
                kind = excluded.kind, title = excluded.title, status = excluded.status, impact = excluded.impact,
                started_at = min(started_at, excluded.started_at), updated_at = excluded.updated_at, resolved_at = NULL,
                last_seen = excluded.last_seen, url = excluded.url, updates = excluded.updates
            """))
        {
            foreach (var i in batch.Incidents)
            {
                Run(upsert, ("$service", i.Service), ("$id", i.Id), ("$kind", i.Kind), ("$title", i.Title), ("$status", i.Status),
                    ("$impact", i.Impact.ToApiName()), ("$started", Ms(i.StartedAt)), ("$updated", Ms(i.UpdatedAt)), ("$seen", Ms(i.LastSeen)),
                    ("$url", i.Url), ("$updates", JsonSerializer.Serialize(i.Updates, HistoryJsonContext.Default.IReadOnlyListIncidentUpdate)));
            }
        }

        using (var resolve = Command(connection, transaction,
            "UPDATE incidents SET resolved_at = $at WHERE service = $service AND id = $id AND resolved_at IS NULL"))
        {
            foreach (var r in batch.Resolutions)
            {
                Run(resolve, ("$service", r.Service), ("$id", r.Id), ("$at", Ms(r.At)));
            }
        }

        using (var save = Command(connection, transaction, """
            INSERT INTO last_status (service, saved_at, status) VALUES ($service, $saved, $status)
            ON CONFLICT (service) DO UPDATE SET saved_at = excluded.saved_at, status = excluded.status
            """))
        {
            foreach (var status in batch.Statuses.Values)
            {
                Run(save, ("$service", status.Id), ("$saved", Ms(now)),
                    ("$status", JsonSerializer.Serialize(status, HistoryJsonContext.Default.ServiceStatus)));
            }
        }
        // The key is the dedup: a message decided again (a restart, a reload, a repeated poll) is not queued twice.
        using (var queue = Command(connection, transaction, """
            INSERT INTO notification_outbox (idempotency_key, route, message, created_at, state, attempts, next_attempt_at)
            VALUES ($key, $route, $message, $created, 'pending', 0, $created)
            ON CONFLICT (idempotency_key) DO NOTHING
            """))
        {
            foreach (var message in batch.Outbox)
            {
                Run(queue, ("$key", message.IdempotencyKey), ("$route", message.Route), ("$created", Ms(message.CreatedAt)),
                    ("$message", JsonSerializer.Serialize(message, NotificationJsonContext.Default.NotificationMessage)));
            }
        }
        MarkAlive(connection, transaction, now);
        transaction.Commit();
    }

    /// <summary>Records that StatusBoard is running at <paramref name="now"/> (the recorder's heartbeat).</summary>
    public void Heartbeat(DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        MarkAlive(connection, transaction, now);
        transaction.Commit();
    }

    private static void MarkAlive(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        using var alive = Command(connection, transaction,
            "INSERT INTO meta (key, value) VALUES ('alive', $at) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)");
        Run(alive, ("$at", Ms(now)));
    }

    /// <summary>
    /// Deletes transitions and resolved incidents older than <paramref name="cutoff"/> (except the transition each
    /// service is still in); returns rows deleted.
    /// </summary>
    public int Prune(DateTimeOffset cutoff)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var deleted = 0;
        // Each service's newest transition before the cutoff stays: it is the level the service is still in.
        using (var transitions = Command(connection, transaction, """
            DELETE FROM transitions WHERE at < $cutoff AND rowid NOT IN (
                SELECT rowid FROM (
                    SELECT rowid, row_number() OVER (PARTITION BY service ORDER BY at DESC, rowid DESC) AS n
                    FROM transitions WHERE at < $cutoff)
                WHERE n = 1)
            """))
        {
            deleted += Run(transitions, ("$cutoff", Ms(cutoff)));
        }
        using (var incidents = Command(connection, transaction, "DELETE FROM incidents WHERE resolved_at IS NOT NULL AND resolved_at < $cutoff"))
        {
            deleted += Run(incidents, ("$cutoff", Ms(cutoff)));
        }
        transaction.Commit();
        return deleted;
    }

    internal static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static int Run(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command.ExecuteNonQuery();
    }
}

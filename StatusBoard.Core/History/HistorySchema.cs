using System.Data.Common;

namespace StatusBoard.Core.History;

/// <summary>
/// The database schema as numbered migrations, applied in order at start-up; <c>PRAGMA user_version</c> (SQLite) or
/// the <c>schema_version</c> row (PostgreSQL) records how far a database has come. Add a migration at the end, never
/// edit one that has shipped. Times are Unix milliseconds (UTC); levels are their API names. The text is SQLite's;
/// <see cref="HistoryDialect.Migration"/> gives PostgreSQL its types (<c>{rowid}</c>: SQLite numbers rows itself).
/// </summary>
internal static class HistorySchema
{
    private static readonly string[] Migrations =
    [
        // 1: level transitions, incidents with their updates (JSON), and the last full status per service.
        """
        CREATE TABLE transitions (
            {rowid}
            service    TEXT    NOT NULL,
            at         INTEGER NOT NULL,
            from_level TEXT    NOT NULL,
            to_level   TEXT    NOT NULL,
            reason     TEXT
        );
        CREATE INDEX transitions_by_service ON transitions (service, at);
        CREATE INDEX transitions_by_time ON transitions (at);

        CREATE TABLE incidents (
            service     TEXT    NOT NULL,
            id          TEXT    NOT NULL,
            kind        TEXT    NOT NULL,
            title       TEXT    NOT NULL,
            status      TEXT    NOT NULL,
            impact      TEXT    NOT NULL,
            started_at  INTEGER NOT NULL,
            resolved_at INTEGER,
            updated_at  INTEGER,
            last_seen   INTEGER NOT NULL,
            url         TEXT,
            updates     TEXT    NOT NULL,
            PRIMARY KEY (service, id)
        );
        CREATE INDEX incidents_by_service ON incidents (service, started_at);

        CREATE TABLE last_status (
            service  TEXT    PRIMARY KEY,
            saved_at INTEGER NOT NULL,
            status   TEXT    NOT NULL
        );
        """,
        // 2: when this StatusBoard was last known alive (every commit and a heartbeat), to close a killed run's levels.
        """
        CREATE TABLE meta (
            key   TEXT    PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """,
        // 3: the notifications outbox: written with the history rows that caused each message, emptied by the sender.
        // state: pending (due at next_attempt_at), delivered (acknowledged: never sent again) or dead (gave up).
        """
        CREATE TABLE notification_outbox (
            id              {key},
            idempotency_key TEXT    NOT NULL UNIQUE,
            route           TEXT    NOT NULL,
            message         TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            state           TEXT    NOT NULL DEFAULT 'pending',
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_attempt_at INTEGER,
            last_result     TEXT,
            delivered_at    INTEGER
        );
        CREATE INDEX outbox_due ON notification_outbox (state, next_attempt_at);
        CREATE INDEX outbox_by_route ON notification_outbox (route, created_at);
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>Brings the database to <see cref="Version"/> in one transaction (a failed step leaves it as it was).</summary>
    public static void Migrate(DbConnection connection, HistoryDialect dialect)
    {
        using var transaction = connection.BeginTransaction();
        dialect.BeginMigration(connection, transaction);
        int current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = dialect.ReadVersionSql;
            current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The history database has schema version {current}, newer than this StatusBoard knows ({Migrations.Length}).");
        }
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            HistoryDatabase.Execute(connection, transaction, dialect.Migration(Migrations[version - 1]) + "\n" + dialect.WriteVersionSql(version));
        }
        transaction.Commit();
    }
}

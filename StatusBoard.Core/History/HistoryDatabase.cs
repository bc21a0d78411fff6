using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.History;

/// <summary>
/// Where the history database is and how to open it: a SQLite file in the data directory (WAL journal: readers never
/// wait for the writer, a killed process loses at most the transaction it was writing) or a PostgreSQL database
/// (<see cref="DatabaseOptions"/>); the schema is migrated on first open.
/// </summary>
public sealed class HistoryDatabase
{
    private readonly Lock _gate = new();
    private bool _migrated;

    public HistoryDatabase(
        IOptions<CatalogOptions> catalog,
        IOptions<HistoryOptions> options,
        IHostEnvironment? environment = null,
        IOptions<DatabaseOptions>? database = null)
    {
        var directory = catalog.Value.DataDirectory;
        // A relative data directory lives beside the app (its content root), not wherever it was started from.
        var root = environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
        Directory = Path.GetFullPath(Path.IsPathRooted(directory) ? directory : Path.Combine(root, directory));
        FilePath = Path.Combine(Directory, options.Value.FileName);
        if (database?.Value is { IsPostgres: true } postgres)
        {
            IsPostgres = true;
            Dialect = HistoryDialect.Postgres;
            ConnectionString = postgres.ConnectionString!;
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            Location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}"; // no user, no password
        }
        else
        {
            Dialect = HistoryDialect.Sqlite;
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = 5, // seconds to wait on a lock before "database is locked"
            }.ToString();
            Location = FilePath;
        }
    }

    /// <summary>The data directory (where the SQLite file lives).</summary>
    public string Directory { get; }

    /// <summary>The SQLite file (used when the provider is sqlite).</summary>
    public string FilePath { get; }

    /// <summary>A secret for PostgreSQL (it may hold a password): never log or show it; show <see cref="Location"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the history is, safe to log and show to operators: the file, or the PostgreSQL host, port and database.</summary>
    public string Location { get; }

    public bool IsPostgres { get; }

    internal HistoryDialect Dialect { get; }

    /// <summary>Opens a connection, creating the folder and file (SQLite) and migrating the schema the first time.</summary>
    public DbConnection Open()
    {
        if (!IsPostgres)
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            connection.Open();
            Dialect.Opened(connection);
            lock (_gate)
            {
                if (!_migrated)
                {
                    Dialect.Prepare(connection);
                    HistorySchema.Migrate(connection, Dialect);
                    _migrated = true;
                }
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether the database answers now (for <c>/healthz</c>); the failure's message, or null.</summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Dialect.CreateConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e) || e is TimeoutException)
        {
            return e.Message;
        }
    }

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.History;

/// <summary>
/// Where the history database is and how to open it: WAL journal (readers never wait for the writer, a killed
/// process loses at most the transaction it was writing), schema migrated on first open.
/// </summary>
public sealed class HistoryDatabase
{
    private readonly Lock _gate = new();
    private bool _migrated;

    public HistoryDatabase(IOptions<CatalogOptions> catalog, IOptions<HistoryOptions> options, IHostEnvironment? environment = null)
    {
        var directory = catalog.Value.DataDirectory;
        // A relative data directory lives beside the app (its content root), not wherever it was started from.
        var root = environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
        Directory = Path.GetFullPath(Path.IsPathRooted(directory) ? directory : Path.Combine(root, directory));
        FilePath = Path.Combine(Directory, options.Value.FileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 5, // seconds to wait on a lock before "database is locked"
        }.ToString();
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Opens a connection, creating the folder and file and migrating the schema the first time.</summary>
    public SqliteConnection Open()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA synchronous = NORMAL;"); // with WAL: durable against a crash of the process
            lock (_gate)
            {
                if (!_migrated)
                {
                    Execute(connection, "PRAGMA journal_mode = WAL;");
                    HistorySchema.Migrate(connection);
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

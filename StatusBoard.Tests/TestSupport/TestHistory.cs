using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;

namespace StatusBoard.Tests.TestSupport;

/// <summary>The two stores the history runs on; the history tests run once against each.</summary>
public enum HistoryStoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty history store for one test: a SQLite file in a new temp folder, or a new database on the shared
/// PostgreSQL server. <see cref="Database"/> opens it like a new process would; <see cref="Settings"/> points an app at it.
/// </summary>
public sealed class TestHistoryStore
{
    private TestHistoryStore(HistoryStoreKind kind, string directory, string? connectionString)
    {
        Kind = kind;
        Directory = directory;
        ConnectionString = connectionString;
    }

    public HistoryStoreKind Kind { get; }

    /// <summary>The data directory (the SQLite file's folder; with PostgreSQL, only the catalog's data lives there).</summary>
    public string Directory { get; }

    public string? ConnectionString { get; }

    public static async Task<TestHistoryStore> CreateAsync(HistoryStoreKind kind) => new(kind, TestData.NewDirectory(),
        kind == HistoryStoreKind.Postgres ? await SharedPostgres.CreateDatabaseAsync() : null);

    /// <summary>The configuration an app or engine host needs to use this store.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["StatusBoard:DataDirectory"] = Directory,
        ["StatusBoard:Database:Provider"] = Kind == HistoryStoreKind.Postgres ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite,
        ["StatusBoard:Database:ConnectionString"] = ConnectionString,
    };

    private DatabaseOptions Options => Kind == HistoryStoreKind.Postgres
        ? new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = ConnectionString }
        : new DatabaseOptions();

    /// <summary>A new handle on the store (created and migrated on first open), as a new process would have.</summary>
    public HistoryDatabase Database() => new(
        Microsoft.Extensions.Options.Options.Create(new CatalogOptions { DataDirectory = Directory }),
        Microsoft.Extensions.Options.Options.Create(new HistoryOptions()), null, Microsoft.Extensions.Options.Options.Create(Options));

    /// <summary>One value read with a connection of its own (not the app's).</summary>
    public long Count(string sql)
    {
        using var connection = Database().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>A real (empty) history database in a fresh temp folder, for component tests that render the details.</summary>
public static class TestHistory
{
    public static HistoryDatabase NewDatabase(string? directory = null) =>
        new(Options.Create(new CatalogOptions { DataDirectory = directory ?? TestData.NewDirectory() }), Options.Create(new HistoryOptions()));

    /// <summary>Registers the history's reader and queries (on the TimeProvider the test registered).</summary>
    public static IServiceCollection AddTestHistory(this IServiceCollection services, HistoryDatabase? database = null)
    {
        services.AddSingleton(database ?? NewDatabase());
        services.AddSingleton<HistoryReader>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<HistoryQueries>();
        return services;
    }
}

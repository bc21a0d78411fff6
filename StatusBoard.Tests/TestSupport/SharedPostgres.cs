using StatusBoard.Tests.TestSupport;

[assembly: AssemblyFixture(typeof(SharedPostgres))]

namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// One PostgreSQL server for the whole test run, started by the first test that asks for a database (a run that never
/// asks never pays the start-up) and stopped when the run ends; every test gets a fresh database of its own.
/// </summary>
public sealed class SharedPostgres : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> s_server = new(PostgresServer.StartAsync);
    private static int s_databases;

    /// <summary>A connection string to a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await s_server.Value;
        return await server.CreateDatabaseAsync($"history_{Interlocked.Increment(ref s_databases)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (s_server.IsValueCreated)
        {
            await (await s_server.Value).DisposeAsync();
        }
    }
}

namespace StatusBoard.Core.History;

/// <summary><c>StatusBoard:Database</c>: where the history (and the notifications outbox) is stored.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "StatusBoard:Database";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default: a file in the data directory, for one box) or <c>postgres</c> (shared by cluster nodes).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>An Npgsql connection string, required for <c>postgres</c>. A secret: never logged or shown.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

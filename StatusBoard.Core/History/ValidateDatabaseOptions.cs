using Microsoft.Extensions.Options;
using Npgsql;

namespace StatusBoard.Core.History;

/// <summary>An unknown provider or a missing or malformed connection string fails start-up naming the key (never the value of a secret).</summary>
internal sealed class ValidateDatabaseOptions : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var provider = options.Provider.Trim();
        if (!provider.Equals(DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:Provider '{provider}' is not one of: {DatabaseOptions.Sqlite}, {DatabaseOptions.Postgres}.");
        }
        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Success;
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:ConnectionString is required when Provider is {DatabaseOptions.Postgres}.");
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The driver's message may quote the value, which can hold a password: name the key only.
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:ConnectionString is not a valid PostgreSQL connection string.");
        }
        return ValidateOptionsResult.Success;
    }
}

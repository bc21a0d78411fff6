using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StatusBoard.Core.Cluster;

/// <summary>Cluster settings that cannot work fail start-up naming the key (never the Redis password).</summary>
internal sealed class ValidateClusterOptions : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        const string Section = ClusterOptions.SectionName;
        try
        {
            if (options.Enabled)
            {
                _ = ConfigurationOptions.Parse(options.Redis!);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or RedisException)
        {
            // The parser's message may quote the value, which can hold a password: name the key only.
            return ValidateOptionsResult.Fail($"{Section}:Redis is not a valid StackExchange.Redis connection string (host:port,password=…).");
        }
        if (options.LeasePeriod < TimeSpan.FromSeconds(1) || options.LeasePeriod > TimeSpan.FromMinutes(5))
        {
            return ValidateOptionsResult.Fail($"{Section}:LeasePeriod must be between 00:00:01 and 00:05:00.");
        }
        if (options.StaleAfter < options.LeasePeriod)
        {
            return ValidateOptionsResult.Fail($"{Section}:StaleAfter must be at least the LeasePeriod (heartbeats come every half period).");
        }
        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Any(char.IsWhiteSpace))
        {
            return ValidateOptionsResult.Fail($"{Section}:KeyPrefix must be a non-empty word without spaces.");
        }
        return ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Providers;

namespace StatusBoard.Core.Catalog;

/// <summary>One entry of the service catalog: what to poll, how to read it, how to show it.</summary>
public sealed record ServiceDefinition
{
    /// <summary>The <c>provider</c> value that asks the engine to detect the platform from the base URL.</summary>
    public const string AutoDetect = "auto";

    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public required string Provider { get; init; }
    public required Uri Url { get; init; }
    public string? StatusPageUrl { get; init; }

    /// <summary>Poll interval of this entry; null means the catalog-wide <c>StatusBoard:PollInterval</c>.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>
    /// <c>components</c>: the only components that count for the level (names or ids, <c>*</c> globs,
    /// case-insensitive); null means all.
    /// </summary>
    public IReadOnlyList<string>? Components { get; init; }

    /// <summary><c>probe</c>: a URL we check ourselves beside the official status ("observed").</summary>
    public Uri? Probe { get; init; }

    /// <summary>Where this entry sits in configuration (e.g. <c>StatusBoard:Services:3</c>), for error messages.</summary>
    public string ConfigPath { get; init; } = "";

    /// <summary>
    /// The raw catalog entry. Providers read their own rule object from it (e.g. <c>json</c>, <c>html</c>, <c>rss</c>)
    /// through <see cref="ProviderInput"/> and validate it in <see cref="IStatusProvider.Validate"/>.
    /// </summary>
    public IConfigurationSection? Settings { get; init; }

    /// <summary>What this entry's provider reads: providers see this, never the catalog entry itself.</summary>
    public ProviderInput ProviderInput => new(ConfigPath, Settings);
}

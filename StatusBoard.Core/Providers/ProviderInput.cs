using Microsoft.Extensions.Configuration;

namespace StatusBoard.Core.Providers;

/// <summary>
/// What a provider reads from its catalog entry: where the entry sits in configuration (for error messages) and the
/// raw entry, which holds the provider's own rule object. The catalog produces it; providers never see the catalog.
/// </summary>
public sealed record ProviderInput(string ConfigPath, IConfigurationSection? Settings)
{
    /// <summary>An entry without settings (tests, demo services): every provider reads its defaults.</summary>
    public static readonly ProviderInput Empty = new("", null);

    /// <summary>The provider's rule object (the entry's child section named after the provider), if any.</summary>
    public IConfigurationSection? RuleSection(string name) =>
        Settings?.GetSection(name) is { } section && section.Exists() ? section : null;

    /// <summary>The configuration key of the provider's rule object, e.g. <c>StatusBoard:Services:3:json</c>.</summary>
    public string RuleKey(string name) => $"{ConfigPath}:{name}";
}

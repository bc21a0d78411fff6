using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>
/// Rules are read (and regexes compiled) once per catalog entry, not on every poll: keyed by the entry's configuration
/// section, which a catalog reload replaces.
/// </summary>
internal sealed class RuleCache<TRules> where TRules : class, IProviderRules<TRules>
{
    private readonly ConditionalWeakTable<IConfigurationSection, TRules> _bySection = new();
    private readonly Lazy<TRules> _defaults = new(() => TRules.Read(ProviderInput.Empty));

    public TRules Get(ProviderInput input) =>
        input.Settings is { } section ? _bySection.GetValue(section, _ => TRules.Read(input)) : _defaults.Value;
}

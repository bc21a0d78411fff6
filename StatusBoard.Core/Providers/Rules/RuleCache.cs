using System.Runtime.CompilerServices;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Core.Providers.Rules;

/// <summary>Rules are read (and regexes compiled) once per catalog entry, not on every poll.</summary>
public sealed class RuleCache<TRules> where TRules : class
{
    private readonly ConditionalWeakTable<ServiceDefinition, TRules> _byService = new();

    public TRules Get(ServiceDefinition service, Func<ServiceDefinition, TRules> read) =>
        _byService.GetValue(service, s => read(s));
}

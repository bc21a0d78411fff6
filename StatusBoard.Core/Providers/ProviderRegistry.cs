using System.Diagnostics.CodeAnalysis;

namespace StatusBoard.Core.Providers;

/// <summary>Looks up a provider by the catalog's <c>provider</c> name.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IStatusProvider> _byName;

    public ProviderRegistry(IEnumerable<IStatusProvider> providers)
    {
        _byName = new Dictionary<string, IStatusProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            if (!_byName.TryAdd(provider.Name, provider))
            {
                throw new InvalidOperationException($"Two providers are registered as '{provider.Name}'.");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys.Order(StringComparer.Ordinal).ToArray();

    public bool TryGet(string name, [NotNullWhen(true)] out IStatusProvider? provider) =>
        _byName.TryGetValue(name, out provider);

    public IStatusProvider Get(string name) =>
        TryGet(name, out var provider) ? provider : throw new KeyNotFoundException($"No provider named '{name}'.");
}

using Microsoft.Extensions.Configuration;

namespace StatusBoard.Tests.Web.Boards;

/// <summary>In-memory configuration whose whole content can be replaced, raising the reload a file change would.</summary>
public sealed class BoardsConfiguration : ConfigurationProvider, IConfigurationSource
{
    private BoardsConfiguration(IDictionary<string, string?> data) => Data = Copy(data);

    public IConfigurationRoot Root { get; private set; } = null!;

    public static BoardsConfiguration Create(IDictionary<string, string?> data)
    {
        var provider = new BoardsConfiguration(data);
        provider.Root = new ConfigurationBuilder().Add(provider).Build();
        return provider;
    }

    /// <summary>Settings for one board: <c>StatusBoard:Boards:{index}:…</c>.</summary>
    public static Dictionary<string, string?> Board(int index, string id, string title, string[]? services = null, string[]? categories = null, string[]? order = null)
    {
        var key = $"StatusBoard:Boards:{index}";
        var data = new Dictionary<string, string?> { [$"{key}:id"] = id, [$"{key}:title"] = title };
        foreach (var (list, name) in new[] { (services, "services"), (categories, "categories"), (order, "order") })
        {
            foreach (var (value, i) in (list ?? []).Select((v, i) => (v, i)))
            {
                data[$"{key}:{name}:{i}"] = value;
            }
        }
        return data;
    }

    public static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Replaces every setting and signals a reload, as an edited appsettings.json does.</summary>
    public void Replace(IDictionary<string, string?> data)
    {
        Data = Copy(data);
        OnReload();
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    private static Dictionary<string, string?> Copy(IDictionary<string, string?> data) => new(data, StringComparer.OrdinalIgnoreCase);
}

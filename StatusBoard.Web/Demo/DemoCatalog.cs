using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Web.Demo;

/// <summary>
/// In demo mode, rewrites the catalog: every service keeps its id, name, category and status page link but
/// becomes a <c>statuspage</c> service served by <see cref="DemoUpstreamHandler"/>. Outside demo mode it
/// changes nothing.
/// </summary>
public sealed class DemoCatalog(IConfiguration configuration) : IPostConfigureOptions<CatalogOptions>
{
    private volatile DemoScript? _script;
    private volatile FrozenDictionary<string, string> _names = FrozenDictionary<string, string>.Empty;

    /// <summary>True when <c>StatusBoard:Demo</c> is set (or the app was started with <c>--demo</c>).</summary>
    public bool Enabled => configuration.GetValue<bool>(DemoMode.ConfigKey);

    /// <summary>The script over the rewritten catalog; null until the catalog was loaded in demo mode.</summary>
    public DemoScript? Script => _script;

    public bool TryGetName(string id, out string name) => _names.TryGetValue(id, out name!);

    public void PostConfigure(string? name, CatalogOptions options)
    {
        if (!Enabled)
        {
            return;
        }
        // The demo's invented history must never mix with the real one.
        options.DataDirectory = Path.Combine(options.DataDirectory, "demo");
        for (var i = 0; i < options.Services.Count; i++)
        {
            var service = options.Services[i];
            options.Services[i] = service with
            {
                Provider = "statuspage",
                Url = new Uri($"http://{service.Id}{DemoUpstreamHandler.HostSuffix}/api/v2/summary.json"),
                // The entry's own rules (json paths, probes, filters) belong to the real upstream, not to the demo.
                Settings = null,
            };
        }
        _names = options.Services.ToFrozenDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        _script = new DemoScript(options.Services.Select(s => s.Id).ToArray());
    }
}

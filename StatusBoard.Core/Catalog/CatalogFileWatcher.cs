using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;

namespace StatusBoard.Core.Catalog;

/// <summary>
/// Watches the configuration (appsettings.json reloads) and the file named by <c>StatusBoard:CatalogFile</c>, and asks
/// <see cref="LiveCatalog"/> to reload once the edits have settled. The file token is re-armed after every change and
/// follows the file by name, so a save by rename (as editors do) is seen too.
/// </summary>
internal sealed class CatalogFileWatcher(IConfiguration configuration, LiveCatalog catalog, TimeProvider time) : IHostedService, IDisposable
{
    /// <summary>Editors write a file in several steps: reload once they have been quiet this long.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly Dictionary<string, PhysicalFileProvider> _directories = new(StringComparer.Ordinal);
    private ITimer? _debounce;
    private IDisposable? _watch;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _debounce = time.CreateTimer(_ => catalog.Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watch = ChangeToken.OnChange(Changes, () => _debounce.Change(Debounce, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Fires on the next change of either source; called again after each change (the file may have been renamed in meanwhile).</summary>
    private IChangeToken Changes()
    {
        var configurationChanged = configuration.GetReloadToken();
        if (catalog.Value.CatalogFile is not { } file)
        {
            return configurationChanged;
        }
        var fullPath = CatalogLoader.FullPathOf(file);
        var directory = Path.GetDirectoryName(fullPath)!;
        lock (_directories)
        {
            if (!_directories.TryGetValue(directory, out var provider))
            {
                provider = new PhysicalFileProvider(directory, Microsoft.Extensions.FileProviders.Physical.ExclusionFilters.None);
                _directories[directory] = provider;
            }
            return new CompositeChangeToken([configurationChanged, provider.Watch(Path.GetFileName(fullPath))]);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _debounce?.Dispose();
        lock (_directories)
        {
            foreach (var provider in _directories.Values)
            {
                provider.Dispose();
            }
            _directories.Clear();
        }
    }
}

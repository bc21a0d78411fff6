using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StatusBoard.Core.Catalog;

/// <summary>
/// The catalog in force: the one validated at start-up, then each valid reload. A rejected reload leaves it in force and
/// is kept as <see cref="Rejection"/> until a valid one arrives. Also <see cref="IOptions{T}"/>, so every reader of the
/// catalog sees the one in force.
/// </summary>
public sealed partial class LiveCatalog : IOptions<CatalogOptions>
{
    private readonly IOptionsFactory<CatalogOptions> _factory;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveCatalog> _logger;
    private readonly Lock _gate = new();
    private volatile CatalogOptions _current;
    private long _attempts;
    private volatile TaskCompletionSource _attempted = NewSignal();

    public LiveCatalog(IOptionsFactory<CatalogOptions> factory, TimeProvider time, ILogger<LiveCatalog> logger)
    {
        _factory = factory;
        _time = time;
        _logger = logger;
        // Invalid at start-up: the same OptionsValidationException start-up validation reports.
        _current = factory.Create(Options.DefaultName);
        LoadedAt = time.GetUtcNow();
        LogLoaded(logger, SourceOf(_current), LoadedAt, _current.Services.Count);
    }

    /// <summary>Raised after a valid reload, with the catalog now in force (the previous one is passed too).</summary>
    public event Action<CatalogOptions, CatalogOptions>? Reloaded;

    public CatalogOptions Value => _current;

    /// <summary>Where the catalog in force came from: the catalog file's full path, or appsettings.json.</summary>
    public string Source => SourceOf(_current);

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The last rejected edit, while no valid one has arrived since.</summary>
    public CatalogRejection? Rejection { get; private set; }

    /// <summary>Reloads attempted since start (valid or not).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Reads and validates the configuration again; swaps it in when valid, keeps the old one otherwise.</summary>
    public void Reload()
    {
        // Under the lock, handlers included: two reloads in a row reach the engine in order, each with its predecessor.
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            try
            {
                var next = _factory.Create(Options.DefaultName);
                var previous = _current;
                _current = next;
                LoadedAt = now;
                Rejection = null;
                LogLoaded(_logger, SourceOf(next), now, next.Services.Count);
                Reloaded?.Invoke(previous, next);
            }
            catch (OptionsValidationException ex)
            {
                var rejection = new CatalogRejection(now, SourceOf(_current), [.. ex.Failures]);
                // Editors save in steps: the same broken content seen twice is one rejection, logged once.
                if (Rejection is null || !Rejection.Messages.SequenceEqual(rejection.Messages))
                {
                    LogRejected(_logger, rejection.Source, now, string.Join(Environment.NewLine, rejection.Messages));
                }
                Rejection = rejection;
            }
        }
        Interlocked.Increment(ref _attempts);
        Interlocked.Exchange(ref _attempted, NewSignal()).TrySetResult();
    }

    /// <summary>Completes once at least <paramref name="count"/> reloads have been attempted (tests wait on it).</summary>
    public async Task WaitForAttemptsAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = _attempted.Task; // Before reading the count, so an attempt in between is not missed.
            if (Attempts >= count)
            {
                return;
            }
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string SourceOf(CatalogOptions options) =>
        options.CatalogFile is { } file ? CatalogLoader.FullPathOf(file) : "appsettings.json";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration loaded from {Source} at {LoadedAt:O}: {Count} services")]
    private static partial void LogLoaded(ILogger logger, string source, DateTimeOffset loadedAt, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration from {Source} rejected at {At:O}; the running configuration stays in force:\n{Messages}")]
    private static partial void LogRejected(ILogger logger, string source, DateTimeOffset at, string messages);
}

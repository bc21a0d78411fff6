using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Boards;

/// <summary>
/// The running boards. Reloaded when the configuration changes: a valid edit replaces them (and raises
/// <see cref="Changed"/>), a bad one is logged with every message and the running boards stay.
/// </summary>
public sealed partial class BoardCatalog : IHostedService, IDisposable
{
    private readonly IOptionsFactory<BoardsOptions> _factory;
    private readonly SnapshotStore _store;
    private readonly ILogger<BoardCatalog> _logger;
    private readonly IDisposable[] _reloads;
    private volatile Boards _boards;

    // The factory, not IOptionsMonitor: the monitor throws a bad edit out of its own change callback, where it is
    // neither logged nor kept from replacing the running boards; here both are decided in one place.
    public BoardCatalog(IOptionsFactory<BoardsOptions> factory, IEnumerable<IOptionsChangeTokenSource<BoardsOptions>> sources,
        SnapshotStore store, ILogger<BoardCatalog> logger)
    {
        _factory = factory;
        _store = store;
        _logger = logger;
        _boards = Build(factory.Create(Options.DefaultName));
        _reloads = [.. sources.Select(source => ChangeToken.OnChange(source.GetChangeToken, Reload))];
    }

    /// <summary>Raised after a valid edit replaced the boards.</summary>
    public event Action? Changed;

    /// <summary>Every board, in configuration order.</summary>
    public ImmutableArray<BoardView> All => _boards.Views;

    public BoardView? Find(string id) => _boards.ById.GetValueOrDefault(id);

    /// <summary>At start the store holds every catalog service (not checked yet): enough to see what each board selects.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        WarnAboutEmptyBoards(_boards);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Reload()
    {
        BoardsOptions options;
        try
        {
            options = _factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            LogRejected(string.Join(" ", ex.Failures), _boards.Views.Length);
            return;
        }
        var boards = Build(options);
        _boards = boards;
        WarnAboutEmptyBoards(boards);
        Changed?.Invoke();
    }

    private void WarnAboutEmptyBoards(Boards boards)
    {
        var services = _store.Current.Services;
        foreach (var view in boards.Views.Where(view => !services.Any(view.Contains)))
        {
            LogSelectsNothing(view.Id, services.Length);
        }
    }

    private static Boards Build(BoardsOptions options)
    {
        var views = options.Boards.Select(b => new BoardView(b)).ToImmutableArray();
        return new Boards(views, views.ToDictionary(v => v.Id, StringComparer.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        foreach (var reload in _reloads)
        {
            reload.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Board '{BoardId}' selects none of the {Services} services in the catalog.")]
    private partial void LogSelectsNothing(string boardId, int services);

    [LoggerMessage(Level = LogLevel.Error, Message = "StatusBoard:Boards edit rejected; the {Running} running boards stay: {Problems}")]
    private partial void LogRejected(string problems, int running);

    private sealed record Boards(ImmutableArray<BoardView> Views, IReadOnlyDictionary<string, BoardView> ById);
}

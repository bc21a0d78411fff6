using Microsoft.AspNetCore.Components;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Components.History;

/// <summary>
/// A part of the details read from the history database: loads off the circuit's dispatcher (SQLite is
/// synchronous) when the service, its level or its number of active incidents changes; a database failure
/// becomes a visible message, never a broken circuit.
/// </summary>
public abstract class HistoryPanel : ComponentBase
{
    [Inject]
    protected HistoryQueries Queries { get; set; } = null!;

    [Parameter, EditorRequired]
    public required string ServiceId { get; set; }

    /// <summary>The service's <c>LastChangedAt</c>: a new level means new history.</summary>
    [Parameter]
    public DateTimeOffset? ChangedAt { get; set; }

    [Parameter]
    public int ActiveIncidents { get; set; }

    [Parameter]
    public int Days { get; set; } = 90;

    /// <summary>Why the history could not be read, or null.</summary>
    protected string? Error { get; private set; }

    private (string, DateTimeOffset?, int, int)? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (ServiceId, ChangedAt, ActiveIncidents, Days))
        {
            return;
        }
        _loaded = (ServiceId, ChangedAt, ActiveIncidents, Days);
        await ReloadAsync();
    }

    /// <summary>Reads again (e.g. when the panel learned the viewer's time zone).</summary>
    protected async Task ReloadAsync()
    {
        try
        {
            await Task.Run(Load);
            Error = null;
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            Error = e.Message;
        }
    }

    /// <summary>Reads what the panel shows (runs on the thread pool).</summary>
    protected abstract void Load();
}

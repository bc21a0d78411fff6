using Microsoft.AspNetCore.Components;
using StatusBoard.Core.History;

namespace StatusBoard.Web.Components.History;

public partial class IncidentTimeline
{
    [Inject]
    private HistoryQueries Queries { get; set; } = null!;

    [Parameter, EditorRequired]
    public required string ServiceId { get; set; }

    /// <summary>Reloads when this changes (the service's level changed).</summary>
    [Parameter]
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Also reloads when the number of active incidents changes.</summary>
    [Parameter]
    public int ActiveIncidents { get; set; }

    [Parameter]
    public int Days { get; set; } = 90;

    private (string, DateTimeOffset?, int)? _loaded;
    private string? _error;
    private List<IncidentRecord>? _incidents;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (ServiceId, ChangedAt, ActiveIncidents))
        {
            return;
        }
        _loaded = (ServiceId, ChangedAt, ActiveIncidents);
        try
        {
            _incidents = await Task.Run(() => Queries.Incidents(ServiceId, Days)); // SQLite is synchronous
            _error = null;
        }
        catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
        {
            _error = e.Message;
        }
    }

    private static string Duration(TimeSpan span) => span.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 120 => $"{(int)span.TotalMinutes} min",
        < 2880 => $"{span.TotalHours:0.#} h",
        _ => $"{span.TotalDays:0.#} days",
    };
}

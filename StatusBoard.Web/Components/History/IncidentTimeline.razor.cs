using StatusBoard.Core.History;

namespace StatusBoard.Web.Components.History;

public partial class IncidentTimeline
{
    private List<IncidentRecord>? _incidents;

    protected override void Load() => _incidents = Queries.Incidents(ServiceId, Days);

    private static string Duration(TimeSpan span) => span.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 120 => $"{(int)span.TotalMinutes} min",
        < 2880 => $"{span.TotalHours:0.#} h",
        _ => $"{span.TotalDays:0.#} days",
    };
}

using System.Text.Json;
using System.Data.Common;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.History;

/// <summary>Reads the history database: the state the recorder resumes from, and the API's queries.</summary>
public sealed class HistoryReader(HistoryDatabase database)
{
    /// <summary>Each service's last stored level.</summary>
    public Dictionary<string, StatusLevel> RecordedLevels()
    {
        var levels = new Dictionary<string, StatusLevel>(StringComparer.Ordinal);
        Query($"""
            SELECT service, to_level FROM (
                SELECT service, to_level, row_number() OVER (PARTITION BY service ORDER BY at DESC, {RowId} DESC) AS n FROM transitions) AS latest
            WHERE n = 1
            """, [], r => levels[r.GetString(0)] = Level(r.GetString(1)));
        return levels;
    }

    /// <summary>When the last run was last known alive (its last commit or heartbeat), or null for a new database.</summary>
    public DateTimeOffset? LastAlive()
    {
        DateTimeOffset? alive = null;
        Query("SELECT value FROM meta WHERE key = 'alive'", [], r => alive = At(r.GetInt64(0)));
        return alive;
    }

    public List<IncidentRecord> OpenIncidents()
    {
        var open = new List<IncidentRecord>();
        Query(IncidentColumns + " WHERE resolved_at IS NULL", [], r => open.Add(ReadIncident(r)));
        return open;
    }

    /// <summary>The last full status stored per service, with when it was saved.</summary>
    public List<(ServiceStatus Status, DateTimeOffset SavedAt)> LastStatuses()
    {
        var statuses = new List<(ServiceStatus, DateTimeOffset)>();
        Query("SELECT status, saved_at FROM last_status", [], r =>
        {
            if (JsonSerializer.Deserialize(r.GetString(0), HistoryJsonContext.Default.ServiceStatus) is { } status)
            {
                statuses.Add((status, At(r.GetInt64(1))));
            }
        });
        return statuses;
    }

    /// <summary>
    /// A service's transitions from <paramref name="from"/> on, led by the last one before it (the level the
    /// window starts in), oldest first.
    /// </summary>
    public List<LevelTransition> Transitions(string service, DateTimeOffset from)
    {
        var transitions = new List<LevelTransition>();
        (string, object)[] parameters = [("@service", service), ("@from", from.ToUnixTimeMilliseconds())];
        Query(TransitionColumns + " WHERE service = @service AND at < @from ORDER BY at DESC, " + RowId + " DESC LIMIT 1", parameters,
            r => transitions.Add(ReadTransition(r)));
        Query(TransitionColumns + " WHERE service = @service AND at >= @from ORDER BY at, " + RowId, parameters,
            r => transitions.Add(ReadTransition(r)));
        return transitions;
    }

    /// <summary>
    /// Every service's transitions since <paramref name="from"/>, each led by its last one before (the level it
    /// starts in): one query for the tiles' 24-hour strips.
    /// </summary>
    public Dictionary<string, List<LevelTransition>> RecentTransitions(DateTimeOffset from)
    {
        var byService = new Dictionary<string, List<LevelTransition>>(StringComparer.Ordinal);
        // Each service's newest row before the window (ties: the last inserted), then every row in it.
        Query($"""
            SELECT service, at, from_level, to_level, reason, r FROM (
                SELECT service, at, from_level, to_level, reason, r FROM (
                    SELECT service, at, from_level, to_level, reason, {RowId} AS r,
                        row_number() OVER (PARTITION BY service ORDER BY at DESC, {RowId} DESC) AS n
                    FROM transitions WHERE at < @from) AS before_window
                WHERE n = 1
                UNION ALL
                SELECT service, at, from_level, to_level, reason, {RowId} AS r FROM transitions WHERE at >= @from) AS recent
            ORDER BY service, at, r
            """, [("@from", from.ToUnixTimeMilliseconds())], r =>
        {
            var transition = ReadTransition(r);
            if (!byService.TryGetValue(transition.Service, out var list))
            {
                byService[transition.Service] = list = [];
            }
            list.Add(transition);
        });
        return byService;
    }

    /// <summary>Incidents of a service open at any time since <paramref name="from"/>, newest first.</summary>
    public List<IncidentRecord> Incidents(string service, DateTimeOffset from)
    {
        var incidents = new List<IncidentRecord>();
        Query(IncidentColumns + " WHERE service = @service AND (resolved_at IS NULL OR resolved_at >= @from) ORDER BY started_at DESC",
            [("@service", service), ("@from", from.ToUnixTimeMilliseconds())], r => incidents.Add(ReadIncident(r)));
        return incidents;
    }

    private string RowId => database.Dialect.RowId;

    private const string TransitionColumns = "SELECT service, at, from_level, to_level, reason FROM transitions";

    private static LevelTransition ReadTransition(DbDataReader r) =>
        new(r.GetString(0), At(r.GetInt64(1)), Level(r.GetString(2)), Level(r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4));

    private const string IncidentColumns =
        "SELECT service, id, kind, title, status, impact, started_at, updated_at, resolved_at, last_seen, url, updates FROM incidents";

    private static IncidentRecord ReadIncident(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Level(r.GetString(5)),
        At(r.GetInt64(6)), r.IsDBNull(7) ? null : At(r.GetInt64(7)), r.IsDBNull(8) ? null : At(r.GetInt64(8)), At(r.GetInt64(9)),
        r.IsDBNull(10) ? null : r.GetString(10),
        JsonSerializer.Deserialize(r.GetString(11), HistoryJsonContext.Default.IReadOnlyListIncidentUpdate) ?? []);

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static StatusLevel Level(string name) => StatusLevels.TryParseApiName(name, out var level) ? level : StatusLevel.Unknown;

    private void Query(string sql, (string Name, object Value)[] parameters, Action<DbDataReader> row)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(HistoryParameters.Create(command, name, value));
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}

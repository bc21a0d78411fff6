using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.History;

/// <summary>Small builders and waits shared by the history tests.</summary>
internal static class HistoryTestKit
{
    /// <summary>A history database in <paramref name="directory"/> (created and migrated on first open).</summary>
    public static HistoryDatabase Database(string directory) =>
        new(Options.Create(new CatalogOptions { DataDirectory = directory }), Options.Create(new HistoryOptions()));

    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static LevelTransition Transition(string service, string at, StatusLevel from, StatusLevel to, string? reason = null) =>
        new(service, Utc(at), from, to, reason);

    /// <summary>A successful reading of a service's page.</summary>
    public static ServiceStatus Reading(string id, StatusLevel level, DateTimeOffset checkedAt, int responseTimeMs = 42, params Incident[] incidents) =>
        new(id, id, "Test", level, "Test description", checkedAt, checkedAt, responseTimeMs, null, null, [], incidents, []);

    public static Incident Incident(string id, int updates = 1, StatusLevel impact = StatusLevel.Degraded)
    {
        var list = Enumerable.Range(1, updates)
            .Select(n => new IncidentUpdate(Utc("2026-11-25T10:00:00Z").AddMinutes(n), n == updates ? "identified" : "investigating", $"Update {n}"))
            .Reverse()
            .ToList();
        return new Incident(id, "Elevated errors " + id, list[0].Status, impact, Utc("2026-11-25T10:00:00Z"),
            list[0].At, "https://stspg.io/" + id, ["API"], list);
    }

    public static IncidentRecord StoredIncident(string service, string id, string started, string? resolved, int updates = 1) =>
        new(service, id, IncidentRecord.IncidentKind, "Incident " + id, resolved is null ? "investigating" : "resolved", StatusLevel.PartialOutage,
            Utc(started), Utc(started), resolved is null ? null : Utc(resolved), resolved is null ? Utc(started) : Utc(resolved),
            "https://stspg.io/" + id,
            Enumerable.Range(1, updates).Select(n => new IncidentUpdate(Utc(started).AddMinutes(10 * n), "update", $"{id} update {n}")).Reverse().ToList());

    /// <summary>
    /// Adds stored incidents to a batch; the writer stores every incident as open, so the resolved ones also get
    /// their resolution (applied after the upsert in the same transaction).
    /// </summary>
    public static void AddStored(this HistoryBatch batch, params IncidentRecord[] incidents)
    {
        batch.Incidents.AddRange(incidents);
        batch.Resolutions.AddRange(incidents.Where(i => i.ResolvedAt is not null).Select(i => new IncidentResolution(i.Service, i.Id, i.ResolvedAt!.Value)));
    }

    /// <summary>One value read with a connection of its own (not the app's).</summary>
    public static long Count(string databaseFile, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, looking again each time the history notes a write, failure
    /// or prune (the background writer's own thread does those). <paramref name="between"/> may nudge it before each
    /// wait, e.g. advance the fake clock so the writer's next flush or prune comes due.
    /// </summary>
    public static async Task WaitForHistoryAsync(HistoryHealth health, Func<bool> condition, string what, TimeSpan? timeout = null, Action? between = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnChanged() => changed.TrySetResult();
            health.Changed += OnChanged;
            try
            {
                // Registered before looking, so a change between the look and the wait is not missed.
                if (condition())
                {
                    return;
                }
                between?.Invoke();
                await changed.Task.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("Not reached in time: " + what);
            }
            finally
            {
                health.Changed -= OnChanged;
            }
        }
    }
}

using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications;

/// <summary>Messages as the rules would queue them, for the channel and sender tests.</summary>
public static class TestMessages
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 22, 0, 0, TimeSpan.Zero);

    public static NotificationEvent Event(string id, StatusLevel to = StatusLevel.PartialOutage, string? incident = "Actions delays") => new(
        incident is null ? NotificationEventKind.LevelChanged : NotificationEventKind.IncidentOpened,
        id, Name(id), "dev", StatusLevel.Operational, to, At,
        StatusPageUrl: $"https://status.{id}.example/",
        IncidentId: incident is null ? null : "inc-1",
        IncidentTitle: incident,
        IncidentUrl: incident is null ? null : $"https://status.{id}.example/incidents/1",
        UpdateId: incident is null ? null : "upd-1",
        LatestUpdate: incident is null ? null : "We are investigating.");

    public static NotificationMessage Single(string key = "key-1", string route = "ops", StatusLevel level = StatusLevel.PartialOutage) =>
        new(key, route, $"GitHub: {level}", level, false, [Event("github", level)], At, "https://board.example");

    public static NotificationMessage Wave(int services, string key = "wave-1", string route = "ops") => new(
        key, route, $"{services} services degraded", StatusLevel.MajorOutage, true,
        [.. Enumerable.Range(1, services).Select(i => Event($"svc{i:D3}", StatusLevel.MajorOutage, incident: null) with { At = At.AddSeconds(i) })],
        At, "https://board.example");

    private static string Name(string id) => id == "github" ? "GitHub" : id.ToUpperInvariant();
}

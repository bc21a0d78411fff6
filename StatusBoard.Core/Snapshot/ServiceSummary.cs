namespace StatusBoard.Core.Snapshot;

/// <summary>One service in <c>/api/status/summary</c>: what a status bar, a CLI or a chat bot shows.</summary>
public sealed record ServiceSummary(
    string Id, string Name, string Category, StatusLevel Status, string? Summary, DateTimeOffset? CheckedAt, bool Stale);

/// <summary>The compact view of a snapshot (<c>/api/status/summary</c>): same head as the full document, small services.</summary>
public sealed record SnapshotSummary(long Version, DateTimeOffset GeneratedAt, Connectivity? Offline, IReadOnlyList<ServiceSummary> Services)
{
    public static SnapshotSummary Of(Snapshot snapshot) => new(snapshot.Version, snapshot.GeneratedAt, snapshot.Offline,
        [.. snapshot.Services.Select(s => new ServiceSummary(s.Id, s.Name, s.Category, s.Status, s.Summary, s.CheckedAt, s.Stale))]);
}

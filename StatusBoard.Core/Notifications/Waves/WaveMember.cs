using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Notifications.Waves;

/// <summary>A service that turned non-operational at <see cref="ChangedAt"/>; <see cref="Text"/> is what it says about it
/// (summary, incident titles, latest updates), searched for the infrastructure it mentions.</summary>
public sealed record WaveMember(string ServiceId, string ServiceName, string Category, StatusLevel Level, DateTimeOffset ChangedAt, string Text)
{
    /// <summary>The member a snapshot status makes: its summary, incident titles and each incident's latest update.</summary>
    public static WaveMember From(ServiceStatus status, DateTimeOffset changedAt) =>
        new(status.Id, status.Name, status.Category, status.Status, changedAt,
            string.Join('\n', new[] { status.Summary ?? "" }
                .Concat(status.Incidents.Select(i => i.Title))
                .Concat(status.Incidents.Select(i => i.Updates.Count > 0 ? i.Updates[0].Body : ""))));
}

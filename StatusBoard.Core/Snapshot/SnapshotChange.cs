namespace StatusBoard.Core.Snapshot;

/// <summary>
/// One published version and what it changed against the version before it, as the store judged it when publishing.
/// <see cref="Changed"/> holds every status whose content differs from <see cref="Previous"/> (services new in this
/// version included); a status whose only news is freshness (when checked, how fast it answered) is not in it.
/// </summary>
public sealed record SnapshotChange(
    Snapshot Previous,
    Snapshot Current,
    IReadOnlyList<ServiceStatus> Changed,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed)
{
    /// <summary>True when this version only refreshed "last checked": history and notifications can skip it.</summary>
    public bool FreshnessOnly =>
        Changed.Count == 0 && Added.Count == 0 && Removed.Count == 0 && Equals(Previous.Offline, Current.Offline);
}

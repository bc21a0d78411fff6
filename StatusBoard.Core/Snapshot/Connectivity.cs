namespace StatusBoard.Core.Snapshot;

/// <summary>
/// Set on a snapshot while StatusBoard itself cannot reach the internet ("is it them or is it me?"):
/// tiles then keep their last known level, marked stale, instead of all turning unknown.
/// </summary>
public sealed record Connectivity(DateTimeOffset Since, string Message);

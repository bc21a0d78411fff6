using System.Collections.Frozen;
using System.Collections.Immutable;

namespace StatusBoard.Core.Snapshot;

/// <summary>
/// What a delta needs of an earlier version: its number and its services. Later snapshots keep these, not the
/// snapshots themselves, so the whole documents and their compressed forms are not kept alive.
/// </summary>
internal sealed record RecentVersion(long Version, ImmutableArray<ServiceStatus> Services, FrozenDictionary<string, int> IndexById)
{
    public ServiceStatus? Find(string id) => IndexById.TryGetValue(id, out var i) ? Services[i] : null;
}

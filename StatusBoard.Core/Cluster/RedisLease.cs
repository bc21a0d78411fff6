using StackExchange.Redis;

namespace StatusBoard.Core.Cluster;

/// <summary>
/// The leader's lease: one Redis key holding the holder's token, with an expiry. Taking it is SET NX PX; renewing and
/// releasing check the token first (StackExchange.Redis's Lock* operations), so a node never extends or deletes a
/// lease another node took after its own ran out.
/// </summary>
public sealed class RedisLease(IDatabase database, string key, string token)
{
    /// <summary>This node's token: unique per process run.</summary>
    public string Token => token;

    public Task<bool> TryTakeAsync(TimeSpan period) => database.LockTakeAsync(key, token, period);

    public Task<bool> TryRenewAsync(TimeSpan period) => database.LockExtendAsync(key, token, period);

    public Task<bool> ReleaseAsync() => database.LockReleaseAsync(key, token);

    /// <summary>The token of whoever holds the lease now, or null when nobody does.</summary>
    public async Task<string?> HolderAsync()
    {
        var holder = await database.LockQueryAsync(key).ConfigureAwait(false);
        return holder.IsNull ? null : holder.ToString();
    }
}

using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Waits for the store to publish a snapshot that satisfies a condition (no sleeping, no polling).</summary>
public static class SnapshotWaiting
{
    public static async Task<Snapshot> WaitForAsync(this SnapshotStore store, Func<Snapshot, bool> condition, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = store.Subscribe(snapshot =>
        {
            if (condition(snapshot))
            {
                reached.TrySetResult(snapshot);
            }
            return Task.CompletedTask;
        });
        if (condition(store.Current))
        {
            return store.Current;
        }
        try
        {
            return await reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            var states = string.Join(", ", store.Current.Services.Select(s => $"{s.Id}={s.Status.ToApiName()} ({s.Error})"));
            throw new TimeoutException($"Condition not reached; current v{store.Current.Version}: {states}");
        }
    }

    public static ServiceStatus Service(this Snapshot snapshot, string id) =>
        snapshot.Find(id) ?? throw new KeyNotFoundException(id);
}

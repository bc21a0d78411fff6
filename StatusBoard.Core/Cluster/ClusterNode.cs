using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusBoard.Core.History;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Cluster;

/// <summary>
/// Turns the election's verdict into what this node does. Stepping down is immediate and synchronous (the term's
/// polls are cancelled, history writing stops, the store follows) because another node may lead soon after. Taking
/// over first catches up with the latest published version, then the store leads (numbering on from it), the history
/// resumes from the database, the term begins (the engine polls, the outbox sends) and the current version is
/// published, so nodes that start now find it.
/// </summary>
public sealed partial class ClusterNode(
    LeaderElection election,
    Leadership leadership,
    SnapshotStore store,
    SnapshotFollower follower,
    SnapshotPublisher publisher,
    HistoryRecorder recorder,
    ClusterState state,
    ILogger<ClusterNode> logger) : IHostedService
{
    private readonly SemaphoreSlim _transition = new(1, 1);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered after the history: the restorer has shown the last known statuses; from now on, the leader's.
        store.Follow();
        recorder.StopWriting();
        election.RoleChanged += OnRoleChanged;
        LogJoining(logger, state.NodeName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        election.RoleChanged -= OnRoleChanged;
        return Task.CompletedTask;
    }

    private void OnRoleChanged(ClusterRole role)
    {
        if (role == ClusterRole.Follower)
        {
            StepDown();
        }
        else
        {
            _ = TakeOverAsync();
        }
    }

    private void StepDown()
    {
        leadership.End();
        recorder.StopWriting();
        store.Follow();
    }

    private async Task TakeOverAsync()
    {
        await _transition.WaitAsync().ConfigureAwait(false);
        try
        {
            await follower.FetchLatestAsync().ConfigureAwait(false);
            if (election.Role != ClusterRole.Leader)
            {
                return; // Lost the lease while catching up.
            }
            store.Lead();
            store.NumberPast(await publisher.FloorAsync().ConfigureAwait(false));
            try
            {
                recorder.StartWriting();
            }
            catch (Exception e) when (HistoryQueries.IsDatabaseFailure(e))
            {
                // The history check shows the database failure; polling must not wait for the database.
                LogHistoryNotResumed(logger, e.GetType().Name);
            }
            leadership.Begin();
            if (election.Role != ClusterRole.Leader)
            {
                StepDown(); // The role changed while taking over; its handler may have run before Begin.
                return;
            }
            await publisher.PublishAsync(store.Current).ConfigureAwait(false);
            LogTookOver(logger, store.Current.Version);
        }
        finally
        {
            _transition.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: node {Node} shows what the leader publishes until it is elected")]
    private static partial void LogJoining(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: took over at version {Version}")]
    private static partial void LogTookOver(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: history writing not resumed ({Reason}); see /healthz")]
    private static partial void LogHistoryNotResumed(ILogger logger, string reason);
}

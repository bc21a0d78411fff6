using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Engine.Truth;

/// <summary>
/// "Is it them or is it me?" Tracks which services' last poll failed at network level. When most do, it asks the
/// canary URLs; if none answers either, StatusBoard itself is offline: the snapshot says so once, and tiles keep
/// their last known level marked stale instead of all turning unknown. Clears as soon as polls succeed again.
/// </summary>
internal sealed partial class ConnectivityMonitor(
    SnapshotStore store,
    Fetcher fetcher,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ConnectivityMonitor> logger)
{
    // A canary that answered settles "it is them" for a while: every other failing poll of that round would
    // otherwise ask again, one request to the canary per failing service.
    private static readonly TimeSpan AnswerHolds = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _networkFailingSince = new(StringComparer.Ordinal);
    private readonly EngineOptions _options = options.Value;
    private readonly Lock _gate = new();
    private Task? _canaryCheck;
    private DateTimeOffset? _canaryAnsweredAt;

    public bool IsOffline => store.Current.Offline is not null;

    /// <summary>Records the outcome of one poll; may start a canary check or clear the offline state.</summary>
    public async Task ReportAsync(string serviceId, bool networkFailure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _networkFailingSince.AddOrUpdate(serviceId, networkFailure ? now : null, (_, since) => networkFailure ? since ?? now : null);

        var failing = _networkFailingSince.Values.Where(v => v is not null).ToArray();
        var mostFail = failing.Length >= _options.OfflineMinServices
            && failing.Length > _networkFailingSince.Count * _options.OfflineFraction;
        if (IsOffline && !mostFail)
        {
            LogBackOnline(logger, failing.Length, _networkFailingSince.Count);
            store.SetOffline(null);
        }
        else if (!IsOffline && mostFail)
        {
            // Every poll that sees most services failing waits for the one canary verdict: a poll that went on
            // without it would count a backoff, or turn its tile unknown, for what is our own network's fault.
            Task check;
            lock (_gate)
            {
                if (now - _canaryAnsweredAt < AnswerHolds)
                {
                    return;
                }
                check = _canaryCheck is { IsCompleted: false } running ? running : _canaryCheck = CheckCanariesAsync(failing.Min()!.Value);
            }
            await check.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckCanariesAsync(DateTimeOffset since)
    {
        if (await AnyCanaryAnswersAsync(CancellationToken.None).ConfigureAwait(false))
        {
            lock (_gate)
            {
                _canaryAnsweredAt = time.GetUtcNow();
            }
        }
        else
        {
            var failing = _networkFailingSince.Values.Count(v => v is not null);
            LogOffline(logger, failing, _networkFailingSince.Count);
            store.SetOffline(new Connectivity(since, $"StatusBoard cannot reach the internet; statuses are stale since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        }
    }

    /// <summary>Each canary is asked through the fetcher, under the one request deadline; a canary that hangs is "no answer".</summary>
    private async Task<bool> AnyCanaryAnswersAsync(CancellationToken cancellationToken)
    {
        foreach (var url in _options.Canaries)
        {
            var fetch = await fetcher.FetchAsync(new Uri(url), null, cancellationToken).ConfigureAwait(false);
            if (fetch.Payload is not null)
            {
                return true; // Any HTTP answer: the internet is there, so the failures are theirs.
            }
            LogCanaryFailed(logger, url, fetch.Error);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failing} of {Total} services fail at network level and no canary answers: StatusBoard is offline; keeping last known levels")]
    private static partial void LogOffline(ILogger logger, int failing, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network is back ({Failing} of {Total} services still failing at network level)")]
    private static partial void LogBackOnline(ILogger logger, int failing, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Canary {Url} did not answer: {Reason}")]
    private static partial void LogCanaryFailed(ILogger logger, string url, string? reason);
}

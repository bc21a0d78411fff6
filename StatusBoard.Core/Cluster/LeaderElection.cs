using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StatusBoard.Core.Cluster;

/// <summary>
/// Decides whether this node is the one that polls. Safety rests on two waits, both measured on this node's clock:
/// a holder counts its lease valid only until 75 % of a period after it last SENT a successful take or renewal (Redis
/// keeps the key a full period from when it received the command), and a node that has just taken the lease leads only
/// after 75 % of a period from when it got the answer — by then any earlier holder has stopped, even one whose key was
/// lost because Redis restarted. So two nodes never poll at once, and a dead leader is replaced within two periods.
/// </summary>
public sealed partial class LeaderElection : BackgroundService
{
    private const double ValidShare = 0.75;

    private readonly RedisLease _lease;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly ILogger<LeaderElection> _logger;
    private bool _holding;
    private DateTimeOffset _validUntil;
    private DateTimeOffset _leadFrom;
    private volatile int _role = (int)ClusterRole.Follower;

    public LeaderElection(RedisLease lease, TimeSpan period, TimeProvider time, ILogger<LeaderElection> logger)
    {
        _lease = lease;
        _period = period;
        _time = time;
        _logger = logger;
    }

    public ClusterRole Role => (ClusterRole)_role;

    /// <summary>This node's lease token (also its name in /healthz).</summary>
    public string Token => _lease.Token;

    /// <summary>The token of whoever holds the lease now (null: nobody), as Redis says.</summary>
    public Task<string?> LeaseHolderAsync() => _lease.HolderAsync();

    /// <summary>Raised on every change of <see cref="Role"/>, from the election's own loop.</summary>
    public event Action<ClusterRole>? RoleChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(NextStepIn(), _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: hand the lease over below.
        }
        finally
        {
            await StepDownAsync().ConfigureAwait(false);
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var sentAt = _time.GetUtcNow();
        var attempt = _holding ? _lease.TryRenewAsync(_period) : _lease.TryTakeAsync(_period);
        // A holder waits for Redis only while its lease is still valid; a follower at most a period.
        var patience = _holding ? _validUntil - sentAt : _period;
        bool held;
        try
        {
            held = await attempt.WaitAsync(patience > TimeSpan.Zero ? patience : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (_holding)
            {
                LogRenewalFailed(_logger, e.Message);
            }
            held = false;
        }
        var now = _time.GetUtcNow();
        if (!held)
        {
            _holding = false;
            SetRole(ClusterRole.Follower);
            return;
        }
        if (!_holding)
        {
            _holding = true;
            _leadFrom = now + _period * ValidShare;
        }
        _validUntil = sentAt + _period * ValidShare;
        if (now >= _leadFrom)
        {
            SetRole(ClusterRole.Leader);
        }
    }

    private TimeSpan NextStepIn()
    {
        if (!_holding)
        {
            return _period / 10; // a follower looks often: a takeover takes at most ~1.85 periods (expiry, this, the 75 % wait)
        }
        var now = _time.GetUtcNow();
        var next = new[] { _period / 4, _validUntil - now, Role == ClusterRole.Leader ? TimeSpan.MaxValue : _leadFrom - now }.Min();
        return next > TimeSpan.Zero ? next : TimeSpan.Zero;
    }

    private async Task StepDownAsync()
    {
        SetRole(ClusterRole.Follower);
        if (!_holding)
        {
            return;
        }
        _holding = false;
        try
        {
            await _lease.ReleaseAsync().WaitAsync(_period, _time).ConfigureAwait(false); // the next leader need not wait out the lease
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Unreachable: the lease runs out by itself.
        }
    }

    private void SetRole(ClusterRole role)
    {
        if (Interlocked.Exchange(ref _role, (int)role) == (int)role)
        {
            return;
        }
        LogRole(_logger, role == ClusterRole.Leader ? "leader: this node polls upstream" : "follower: this node serves what the leader publishes");
        RoleChanged?.Invoke(role);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster: this node is now {Role}")]
    private static partial void LogRole(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster: renewing the leader's lease failed ({Reason})")]
    private static partial void LogRenewalFailed(ILogger logger, string reason);
}

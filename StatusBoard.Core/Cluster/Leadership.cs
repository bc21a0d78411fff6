namespace StatusBoard.Core.Cluster;

/// <summary>
/// Whether this process may act on the world: poll upstream, write the history, send notifications. One box always
/// may (<see cref="Solo"/>). In a cluster only the elected leader may, during a term that ends the moment the node
/// stops leading; work started for a term stops with its token.
/// </summary>
public sealed class Leadership
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _term;
    private TaskCompletionSource<CancellationToken> _nextTerm = NewTerm();

    private Leadership(bool clustered) => Clustered = clustered;

    /// <summary>One box: leads from the start and for ever.</summary>
    public static Leadership Solo()
    {
        var leadership = new Leadership(clustered: false);
        leadership.Begin();
        return leadership;
    }

    /// <summary>A cluster node: follows until the election makes it leader (see <see cref="ClusterNode"/>).</summary>
    public static Leadership Clustering() => new(clustered: true);

    /// <summary>True in cluster mode: a new leader then resumes from what the previous one published.</summary>
    public bool Clustered { get; }

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _term is not null;
            }
        }
    }

    /// <summary>The current term's token at once while leading; otherwise completes when the next term begins.</summary>
    public Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _term is { } term ? Task.FromResult(term.Token) : _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    internal void Begin()
    {
        lock (_gate)
        {
            if (_term is not null)
            {
                return;
            }
            _term = new CancellationTokenSource();
            _nextTerm.TrySetResult(_term.Token);
        }
    }

    /// <summary>Ends the term: everything started for it is cancelled before this returns.</summary>
    internal void End()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _term;
            if (ended is null)
            {
                return;
            }
            _term = null;
            _nextTerm = NewTerm();
        }
        // Not disposed: loops of the term may still register on its token while they wind down.
        ended.Cancel();
    }

    private static TaskCompletionSource<CancellationToken> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

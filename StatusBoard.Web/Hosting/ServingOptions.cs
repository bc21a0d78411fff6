namespace StatusBoard.Web.Hosting;

/// <summary><c>StatusBoard:InlineSocketIO</c>: where a connection's socket work runs (<see cref="SocketTransportTuning"/>).</summary>
public sealed class ServingOptions
{
    public const string InlineSocketIOKey = "StatusBoard:InlineSocketIO";

    /// <summary>
    /// True (the default): socket completions, Kestrel's parsing and the precomputed endpoints run on the socket's
    /// own thread, one per core, with no hand-over to the thread pool; every other request moves to the thread pool
    /// before it runs. False: Kestrel's defaults (every completion handed to the thread pool).
    /// </summary>
    public bool InlineSocketIO { get; set; } = true;
}

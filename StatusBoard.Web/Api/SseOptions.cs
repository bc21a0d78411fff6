namespace StatusBoard.Web.Api;

/// <summary><c>StatusBoard:MaxSseClients</c> and <c>StatusBoard:MaxSseClientsPerAddress</c>: how many event streams may be open.</summary>
public sealed class SseOptions
{
    /// <summary>Open streams in all (each costs ~30 kB of server memory); past it a stream gets 503. Defaults to 20,000.</summary>
    public int MaxSseClients { get; set; } = 20_000;

    /// <summary>
    /// Open streams per client address; 0 (the default) means no per-address cap, so one proxy or a benchmark on
    /// loopback is not refused. Public deployments should set it.
    /// </summary>
    public int MaxSseClientsPerAddress { get; set; }
}

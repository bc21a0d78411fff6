using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace StatusBoard.Web.Hosting;

/// <summary>
/// Kestrel's socket transport sized for the small machines this app runs on. Kestrel's default is one I/O queue
/// (a thread that runs socket completions) per core, up to 16; on 2 cores those threads compete with the request
/// threads for the same two cores. With one queue per two cores the snapshot endpoint served 1.3x as many requests
/// on the 2-core benchmark machine (README, Performance: the control experiment).
/// </summary>
public static class SocketTransportTuning
{
    /// <summary>One I/O queue per two cores, at least one, at most Kestrel's own cap of 16.</summary>
    public static int IOQueueCount(int processorCount) => Math.Clamp(processorCount / 2, 1, 16);

    public static IServiceCollection AddStatusBoardSocketTransport(this IServiceCollection services) =>
        services.Configure<SocketTransportOptions>(options => options.IOQueueCount = IOQueueCount(Environment.ProcessorCount));
}

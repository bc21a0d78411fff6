using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using StatusBoard.Core.Configuration;

namespace StatusBoard.Web.Hosting;

/// <summary>
/// Kestrel's socket transport sized for the small machines this app runs on.
/// By default (<see cref="ServingOptions.InlineSocketIO"/>) a request runs where its socket's readiness was noticed:
/// one socket thread per core runs the completion, Kestrel's parsing, the precomputed endpoints' copy of their bytes
/// and the send, with no hand-over between threads. On the 2-core benchmark machine that served the 132 kB snapshot
/// at 0.76 of Go's static server instead of 0.69, and spread one change to 10,000 event streams in 196–294 ms at p99
/// instead of 753 ms (README, Performance). What runs there must not block, so every request that reaches the
/// middleware pipeline (pages, history, feeds, streams) first moves to the thread pool (<see cref="UseThreadPoolForAppWork"/>).
/// Off: one I/O queue per two cores and Kestrel's thread-pool dispatch.
/// </summary>
public static class SocketTransportTuning
{
    private const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    private const string SocketThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>One I/O queue per two cores, at least one, at most Kestrel's own cap of 16.</summary>
    public static int IOQueueCount(int processorCount) => Math.Clamp(processorCount / 2, 1, 16);

    public static IServiceCollection AddStatusBoardSocketTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServingOptions>().BindReporting(configuration.GetSection("StatusBoard")).ValidateOnStart();
        // Read from configuration, not from ServingOptions: the host builds the transport before start-up validation
        // runs, and a bad value must reach that validation (one line naming the key), not throw here.
        services.Configure<SocketTransportOptions>(options =>
        {
            options.IOQueueCount = IOQueueCount(Environment.ProcessorCount);
            options.UnsafePreferInlineScheduling = InlineSocketIO(configuration);
        });
        return services;
    }

    /// <summary>The setting as far as it can be read (an unreadable value counts as the default; validation rejects it).</summary>
    private static bool InlineSocketIO(IConfiguration configuration) =>
        !bool.TryParse(configuration[ServingOptions.InlineSocketIOKey], out var inline) || inline;

    /// <summary>
    /// The runtime's half of inline I/O: socket completions on the socket threads (one per core). The runtime reads
    /// these variables once, at the first socket, so this runs before the host starts; only in StatusBoard's own
    /// process (a test host that runs the app in-process keeps its own), and never over what an operator set.
    /// An unreadable value is left to start-up validation, which names the key.
    /// </summary>
    public static void ApplyInlineCompletions(IConfiguration configuration)
    {
        if (Assembly.GetEntryAssembly() != typeof(SocketTransportTuning).Assembly || !InlineSocketIO(configuration)
            || Environment.GetEnvironmentVariable(InlineCompletionsVariable) is not null)
        {
            return;
        }
        Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        Environment.SetEnvironmentVariable(SocketThreadsVariable, Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// With inline I/O, moves every request that reaches the middleware pipeline to the thread pool, so a page
    /// render or a database read never holds a socket thread. The precomputed endpoints short-circuit in routing,
    /// before this, and stay on the socket thread.
    /// </summary>
    public static IApplicationBuilder UseThreadPoolForAppWork(this IApplicationBuilder app)
    {
        if (!InlineSocketIO(app.ApplicationServices.GetRequiredService<IConfiguration>()))
        {
            return app;
        }
        return app.Use(static async (context, next) =>
        {
            await Task.Yield(); // no synchronization context here: continues on the thread pool
            await next(context);
        });
    }
}

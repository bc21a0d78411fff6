using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Prometheus;
using StatusBoard.Core.Configuration;

namespace StatusBoard.Web.Api;

/// <summary>
/// Bounds the event streams with the rate-limiting middleware: a global ConcurrencyLimiter
/// (<see cref="SseOptions.MaxSseClients"/>) and one per client address (<see cref="SseOptions.MaxSseClientsPerAddress"/>).
/// A lease is held for as long as the stream is open. Past a cap: 503 with <c>Retry-After</c>, counted in /metrics.
/// The address is <c>Connection.RemoteIpAddress</c>: X-Forwarded-For counts only when the forwarded-headers
/// middleware rewrites it (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>), never from a header a client made up.
/// </summary>
public static class SseAdmission
{
    public const string PolicyName = "sse-per-address";

    /// <summary>Seconds a refused client is asked to wait: a refused light view polls the summary meanwhile.</summary>
    public const int RetryAfterSeconds = 30;

    private const string GlobalPartition = "sse";

    private static readonly StringValues s_retryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Counter s_refused = Metrics.CreateCounter("statusboard_sse_refused_total",
        "Event streams refused with 503 because MaxSseClients or MaxSseClientsPerAddress was reached");

    public static IServiceCollection AddStatusBoardSse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SseOptions>()
            .BindReporting(configuration.GetSection("StatusBoard"))
            .Validate(o => o.MaxSseClients >= 1, "StatusBoard:MaxSseClients must be 1 or more.")
            .Validate(o => o.MaxSseClientsPerAddress >= 0, "StatusBoard:MaxSseClientsPerAddress must be 0 (no per-address cap) or more.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SseOptions>>((limiter, sse) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = s_retryAfter;
                s_refused.Inc();
                return ValueTask.CompletedTask;
            };
            // Every other request gets the no-op partition: the global cap is for streams only.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsStream(context)
                ? RateLimitPartition.GetConcurrencyLimiter(GlobalPartition, _ => Concurrency(sse.Value.MaxSseClients))
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy<IPAddress>(PolicyName, context => sse.Value.MaxSseClientsPerAddress is var perAddress and > 0
                ? RateLimitPartition.GetConcurrencyLimiter(context.Connection.RemoteIpAddress ?? IPAddress.None, _ => Concurrency(perAddress))
                : RateLimitPartition.GetNoLimiter(IPAddress.None));
        });
        return services;
    }

    /// <summary>Marks a stream endpoint: counted in both caps.</summary>
    public static TBuilder RequireSseAdmission<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(PolicyName);

    private static bool IsStream(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName;

    // No queue: a stream past the cap is refused at once, never parked holding a connection.
    private static ConcurrencyLimiterOptions Concurrency(int permits) => new() { PermitLimit = permits, QueueLimit = 0 };
}

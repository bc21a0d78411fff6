using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StatusBoard.Core.Configuration;

namespace StatusBoard.Core.Cluster;

/// <summary>Cluster mode when <c>StatusBoard:Cluster:Redis</c> is set; otherwise only a <see cref="Leadership.Solo"/>, and nothing else changes.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>Call after the history's registration: the restorer must show the last known state before the store follows.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>()
            .BindReporting(configuration.GetSection(ClusterOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ValidateClusterOptions>();
        if (string.IsNullOrWhiteSpace(configuration[$"{ClusterOptions.SectionName}:Redis"]))
        {
            services.AddSingleton(Leadership.Solo());
            return services;
        }
        services.AddSingleton(Leadership.Clustering());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClusterOptions>>().Value);
        services.AddSingleton(sp => new ClusterKeys(sp.GetRequiredService<ClusterOptions>().KeyPrefix));
        services.AddSingleton(sp => new ClusterState(ClusterNodeName.Of(sp.GetRequiredService<ClusterOptions>())));
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<ClusterOptions>().Redis!);
            options.AbortOnConnectFail = false; // start while Redis is away: serve the last state, catch up when it returns
            options.ClientName = sp.GetRequiredService<ClusterState>().NodeName;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ClusterOptions>();
            var lease = new RedisLease(sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(),
                sp.GetRequiredService<ClusterKeys>().Lease, ClusterNodeName.Token(sp.GetRequiredService<ClusterState>().NodeName));
            return new LeaderElection(lease, options.LeasePeriod, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LeaderElection>>());
        });
        services.AddSingleton<SnapshotFollower>();
        services.AddSingleton<SnapshotPublisher>();
        // Hosted in this order: follow first, receive, publish, and only then take part in the election.
        services.AddHostedService<ClusterNode>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotFollower>());
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<LeaderElection>());
        return services;
    }
}

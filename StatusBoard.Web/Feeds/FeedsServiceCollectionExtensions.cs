using Microsoft.Extensions.Options;
using StatusBoard.Core.Configuration;
using StatusBoard.Web.Components.Waves;

namespace StatusBoard.Web.Feeds;

/// <summary>Registers what tells people in the browser and in their readers: the wave banner, and the feeds' cache.</summary>
public static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddStatusBoardFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FeedCache>();
        services.AddWaveBanner()
            .BindReporting(configuration.GetSection(WaveBannerOptions.Section))
            .Validate(o => o.WaveBannerWindow > TimeSpan.Zero, $"{WaveBannerOptions.Section}:WaveBannerWindow must be more than 00:00:00, e.g. 00:10:00.")
            .Validate(o => o.WaveThreshold >= 2, $"{WaveBannerOptions.Section}:WaveThreshold must be 2 or more (a wave is several services).")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The banner's cache and its options with their defaults (components render with this alone, as in bUnit tests).</summary>
    public static OptionsBuilder<WaveBannerOptions> AddWaveBanner(this IServiceCollection services)
    {
        services.AddSingleton<WaveBannerCache>();
        services.AddHostedService(sp => sp.GetRequiredService<WaveBannerCache>());
        return services.AddOptions<WaveBannerOptions>();
    }
}

using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Web.Components.Waves;
using StatusBoard.Web.Feeds;

namespace StatusBoard.Tests.Web.Waves;

/// <summary>The banner's settings: defaults, and every bad value one message naming its key (as start-up reports it).</summary>
public sealed class WaveBannerOptionsTests
{
    private static Func<WaveBannerOptions> Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddStatusBoardFeeds(configuration).BuildServiceProvider();
        return () => services.GetRequiredService<IOptions<WaveBannerOptions>>().Value;
    }

    [Fact]
    public void Options_NotConfigured_AreTenMinutesAndTheWaveRulesThreshold()
    {
        var options = Bind(new())();

        options.WaveBannerWindow.Should().Be(TimeSpan.FromMinutes(10));
        options.WaveThreshold.Should().Be(StatusBoard.Core.Notifications.Waves.WaveDetector.DefaultThreshold);
    }

    [Fact]
    public void Options_OutOfRange_FailWithOneMessagePerKey()
    {
        var bind = Bind(new() { ["StatusBoard:Notifications:WaveBannerWindow"] = "00:00:00", ["StatusBoard:Notifications:WaveThreshold"] = "1" });

        bind.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "StatusBoard:Notifications:WaveBannerWindow must be more than 00:00:00, e.g. 00:10:00.",
            "StatusBoard:Notifications:WaveThreshold must be 2 or more (a wave is several services).");
    }

    [Fact]
    public void Options_NotConvertible_FailNamingTheKeyAndTheExpectedForm()
    {
        var bind = Bind(new() { ["StatusBoard:Notifications:WaveBannerWindow"] = "banana" });

        bind.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("StatusBoard:Notifications:WaveBannerWindow 'banana' is not a time span");
    }
}

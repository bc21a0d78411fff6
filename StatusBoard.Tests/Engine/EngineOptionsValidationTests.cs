using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Core;
using StatusBoard.Core.Engine;

namespace StatusBoard.Tests.Engine;

/// <summary>Every engine setting has a range; a value outside it stops the start with a message naming the key.</summary>
public sealed class EngineOptionsValidationTests
{
    private static EngineOptions Bind(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddStatusBoardCore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<EngineOptions>>().Value;
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "RequestTimeout", "00:00:00" },
        { "RequestTimeout", "-00:00:01" },
        { "IncidentPollInterval", "00:00:00.5" },
        { "IncidentPollInterval", "-00:00:20" },
        { "MaxConcurrentRequests", "0" },
        { "Jitter", "0.6" },
        { "Jitter", "-0.1" },
        { "MaxResponseBytes", "0" },
        { "MaxRequestsPerHost", "0" },
        { "HostSpacing", "-00:00:01" },
        { "BreakerThreshold", "0" },
        { "BackoffCap", "00:00:00" },
        { "BackoffJitter", "0.51" },
        { "BackoffJitter", "-0.2" },
        { "FailuresBeforeUnknown", "0" },
        { "StaleAfterIntervals", "0" },
        { "OfflineFraction", "0" },
        { "OfflineFraction", "1.5" },
        { "OfflineMinServices", "0" },
        { "CanaryUrls:0", "ftp://example.test/" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void EngineOptions_ValueOutOfRange_FailsNamingTheKey(string key, string value)
    {
        // Act
        var bind = () => Bind(new Dictionary<string, string?> { [$"StatusBoard:{key}"] = value });

        // Assert
        bind.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().StartWith($"StatusBoard:{key} ");
    }

    [Fact]
    public void EngineOptions_Defaults_AndEdgesOfEachRange_AreValid()
    {
        // Act
        var bind = () => Bind(new Dictionary<string, string?>
        {
            ["StatusBoard:Jitter"] = "0.5",
            ["StatusBoard:BackoffJitter"] = "0",
            ["StatusBoard:HostSpacing"] = "00:00:00",
            ["StatusBoard:OfflineFraction"] = "1",
        });

        // Assert
        bind.Should().NotThrow();
        Bind(new Dictionary<string, string?>()).Should().BeEquivalentTo(new EngineOptions());
    }

    [Fact]
    public void EngineOptions_SeveralValuesOutOfRange_AllReportedAtOnce()
    {
        // Act
        var bind = () => Bind(new Dictionary<string, string?> { ["StatusBoard:Jitter"] = "2", ["StatusBoard:BreakerThreshold"] = "0" });

        // Assert
        bind.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(2);
    }
}

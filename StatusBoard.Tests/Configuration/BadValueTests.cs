using FluentAssertions;

namespace StatusBoard.Tests.Configuration;

/// <summary>Every key's bad value fails start-up with one message that names the key — never a stack trace.</summary>
public sealed class BadValueTests
{
    public static TheoryData<string, string> BadValues => new()
    {
        // Values that do not convert (the binder used to throw: exit code 134 and a stack trace).
        { "StatusBoard:RequestTimeout", "banana" },
        { "StatusBoard:MaxConcurrentRequests", "lots" },
        { "StatusBoard:Jitter", "a little" },
        { "StatusBoard:MaxResponseBytes", "5MB" },
        { "StatusBoard:PublishDelay", "soon" },
        { "StatusBoard:FreshnessInterval", "often" },
        { "StatusBoard:MaxRequestsPerHost", "one" },
        { "StatusBoard:HostSpacing", "wide" },
        { "StatusBoard:BreakerThreshold", "3.5" },
        { "StatusBoard:BackoffCap", "forever" },
        { "StatusBoard:BackoffJitter", "x" },
        { "StatusBoard:FailuresBeforeUnknown", "two" },
        { "StatusBoard:StaleAfterIntervals", "three" },
        { "StatusBoard:OfflineFraction", "half" },
        { "StatusBoard:OfflineMinServices", "few" },
        { "StatusBoard:PollInterval", "minutely" },
        { "StatusBoard:MaxCircuits", "many" },
        { "StatusBoard:History:Retention", "banana" },
        { "StatusBoard:History:FlushInterval", "fast" },
        { "StatusBoard:History:PruneInterval", "daily" },
        { "StatusBoard:History:HeartbeatInterval", "beat" },
        { "StatusBoard:History:MaxPendingRows", "all" },
        // Values that convert but are out of range (accepted before; FreshnessInterval=0 stopped the host once running).
        { "StatusBoard:RequestTimeout", "00:00:00" },
        { "StatusBoard:MaxConcurrentRequests", "0" },
        { "StatusBoard:Jitter", "5" },
        { "StatusBoard:Jitter", "-3" },
        { "StatusBoard:MaxResponseBytes", "-1" },
        { "StatusBoard:PublishDelay", "-00:00:01" },
        { "StatusBoard:FreshnessInterval", "00:00:00" },
        { "StatusBoard:MaxRequestsPerHost", "0" },
        { "StatusBoard:HostSpacing", "-00:00:01" },
        { "StatusBoard:BreakerThreshold", "0" },
        { "StatusBoard:BackoffCap", "00:00:00" },
        { "StatusBoard:BackoffJitter", "2" },
        { "StatusBoard:FailuresBeforeUnknown", "0" },
        { "StatusBoard:StaleAfterIntervals", "0" },
        { "StatusBoard:OfflineFraction", "1.5" },
        { "StatusBoard:OfflineMinServices", "0" },
        { "StatusBoard:CanaryUrls:0", "not a url" },
        { "StatusBoard:PollInterval", "00:00:00" },
        { "StatusBoard:MaxCircuits", "-1" },
        { "StatusBoard:History:Retention", "01:00:00" },
        { "StatusBoard:History:FlushInterval", "00:00:00" },
        { "StatusBoard:History:PruneInterval", "00:00:00" },
        { "StatusBoard:History:HeartbeatInterval", "-00:01:00" },
        { "StatusBoard:History:MaxPendingRows", "0" },
        { "StatusBoard:History:FileName", "../escape.db" },
        { "StatusBoard:Cluster:LeasePeriod", "soon" },
        { "StatusBoard:Cluster:LeasePeriod", "00:00:00" },
        { "StatusBoard:Cluster:StaleAfter", "00:00:01" },
        { "StatusBoard:Cluster:KeyPrefix", "two words" },
        { "StatusBoard:Cluster:Redis", "127.0.0.1:6379,banana=ripe" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValue_FailsStartUp_WithOneMessageNamingTheKey(string key, string value)
    {
        // Act
        var (exitCode, error) = StartupRun.Validate($"--{key}={value}");

        // Assert
        exitCode.Should().Be(1);
        var problems = StartupRun.Problems(error);
        problems.Should().ContainSingle("one problem was introduced: {0}", error);
        problems[0].Should().Contain(key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key);
        error.Should().NotContain("   at ", "no stack trace");
    }

    [Fact]
    public void SeveralBadValues_AreReportedTogether()
    {
        // Act
        var (exitCode, error) = StartupRun.Validate("--StatusBoard:RequestTimeout=banana", "--StatusBoard:History:Retention=banana",
            "--StatusBoard:MaxConcurrentRequests=lots");

        // Assert
        exitCode.Should().Be(1);
        StartupRun.Problems(error).Should().HaveCount(3);
        error.Should().Contain("StatusBoard:RequestTimeout").And.Contain("StatusBoard:History:Retention").And.Contain("StatusBoard:MaxConcurrentRequests");
    }

    [Fact]
    public void GoodValues_PassValidation()
    {
        // Act
        var (exitCode, error) = StartupRun.Validate("--StatusBoard:RequestTimeout=00:00:03", "--StatusBoard:Jitter=0.2");

        // Assert
        exitCode.Should().Be(0, error);
    }
}

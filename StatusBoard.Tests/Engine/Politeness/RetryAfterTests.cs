using StatusBoard.Core.Engine.Politeness;

namespace StatusBoard.Tests.Engine.Politeness;

/// <summary>Retry-After in both forms (RFC 9110 §10.2.3), capped so a typo upstream cannot silence a service for long.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, double?> Cases => new()
    {
        { "120", 120 },
        { " 30 ", 30 },
        { "0", 0 },
        { "Wed, 25 Nov 2026 12:02:00 GMT", 120 },
        { "Wed, 25 Nov 2026 11:00:00 GMT", 0 },
        { "Wed, 25 Nov 2026 23:00:00 GMT", 6 * 3600 },
        { "86400", 6 * 3600 },
        { "soon", null },
        { "-5", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Until_ReadsSecondsOrHttpDate_CappedAtSixHours(string header, double? expectedSeconds)
    {
        // Act
        var until = RetryAfter.Until(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["retry-after"] = header }, Now);

        // Assert
        (until - Now)?.TotalSeconds.Should().Be(expectedSeconds);
        if (expectedSeconds is null)
        {
            until.Should().BeNull();
        }
    }

    [Fact]
    public void Until_NoHeader_IsNull() => RetryAfter.Until(new Dictionary<string, string>(), Now).Should().BeNull();
}

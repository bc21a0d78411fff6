using System.Text.Json.Serialization;

namespace StatusBoard.Core.Snapshot;

/// <summary>The normalized health level of a service or component; JSON names are part of the API contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatusLevel>))]
public enum StatusLevel
{
    [JsonStringEnumMemberName("operational")] Operational,
    [JsonStringEnumMemberName("degraded")] Degraded,
    [JsonStringEnumMemberName("partial_outage")] PartialOutage,
    [JsonStringEnumMemberName("major_outage")] MajorOutage,
    [JsonStringEnumMemberName("maintenance")] Maintenance,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>Ordering and naming helpers for <see cref="StatusLevel"/>.</summary>
public static class StatusLevels
{
    /// <summary>
    /// Rank used to pick the worst of several facts about one service:
    /// major_outage &gt; partial_outage &gt; degraded &gt; maintenance &gt; operational.
    /// Unknown never wins a "worst of" over a real level: it only means "we could not tell".
    /// </summary>
    public static int Severity(this StatusLevel level) => level switch
    {
        StatusLevel.MajorOutage => 5,
        StatusLevel.PartialOutage => 4,
        StatusLevel.Degraded => 3,
        StatusLevel.Maintenance => 2,
        StatusLevel.Unknown => 1,
        _ => 0,
    };

    /// <summary>The worse of two levels; unknown only wins over operational.</summary>
    public static StatusLevel Worst(StatusLevel a, StatusLevel b) => b.Severity() > a.Severity() ? b : a;

    /// <summary>The worst of many levels (see <see cref="Worst"/>); operational when there are none.</summary>
    public static StatusLevel WorstOf(IEnumerable<StatusLevel> levels)
    {
        var worst = StatusLevel.Operational;
        foreach (var level in levels)
        {
            worst = Worst(worst, level);
        }
        return worst;
    }

    /// <summary>True for every level a person should look at (anything not operational).</summary>
    public static bool IsProblem(this StatusLevel level) => level != StatusLevel.Operational;

    /// <summary>The JSON / URL name of a level (e.g. <c>partial_outage</c>).</summary>
    public static string ToApiName(this StatusLevel level) => level switch
    {
        StatusLevel.Operational => "operational",
        StatusLevel.Degraded => "degraded",
        StatusLevel.PartialOutage => "partial_outage",
        StatusLevel.MajorOutage => "major_outage",
        StatusLevel.Maintenance => "maintenance",
        _ => "unknown",
    };

    /// <summary>Parses a level's API name (case-insensitive); false for anything else.</summary>
    public static bool TryParseApiName(string? name, out StatusLevel level)
    {
        foreach (var candidate in Enum.GetValues<StatusLevel>())
        {
            if (string.Equals(candidate.ToApiName(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }
        level = StatusLevel.Unknown;
        return false;
    }
}

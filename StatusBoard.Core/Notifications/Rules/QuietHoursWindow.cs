using StatusBoard.Core.Notifications;

namespace StatusBoard.Core.Notifications.Rules;

/// <summary>Whether an instant falls in a route's daily quiet hours (in its own time zone, across midnight too).</summary>
internal static class QuietHoursWindow
{
    /// <summary>When the quiet hours around <paramref name="now"/> end, or null when it is not quiet.</summary>
    public static DateTimeOffset? EndIfQuiet(QuietHours? quiet, DateTimeOffset now)
    {
        if (quiet is null || quiet.From == quiet.Until || !ValidateNotificationOptions.TryFindZone(quiet.TimeZone, out var zone))
        {
            return null;
        }
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var overnight = quiet.From > quiet.Until;
        var inside = overnight ? time >= quiet.From || time < quiet.Until : time >= quiet.From && time < quiet.Until;
        if (!inside)
        {
            return null;
        }
        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (overnight && time >= quiet.From)
        {
            endDate = endDate.AddDays(1);
        }
        var endLocal = endDate.ToDateTime(quiet.Until);
        // The zone's offset at the end (not now): quiet hours may span a daylight-saving switch.
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}

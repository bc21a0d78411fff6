namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>When to try a failed message again: the receiver's Retry-After when it gave one, else exponential with jitter.</summary>
internal static class Backoff
{
    /// <summary>
    /// FirstBackoff × 2^(attempts−1), at most MaxBackoff, then ±20 % jitter so that routes failing together (our own
    /// network came back) do not retry in lockstep.
    /// </summary>
    public static TimeSpan Next(int attempts, TimeSpan? retryAfter, NotificationDeliveryOptions options, Random random)
    {
        if (retryAfter is { } asked)
        {
            return asked;
        }
        var exponent = Math.Min(attempts - 1, 30);
        var plain = Math.Min(options.FirstBackoff.TotalMilliseconds * Math.Pow(2, exponent), options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(plain * (0.8 + (0.4 * random.NextDouble())));
    }
}

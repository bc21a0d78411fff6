namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>The states of a <c>notification_outbox</c> row.</summary>
public static class OutboxState
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
}

/// <summary>One row of <c>notification_outbox</c>, as the sender and the operators' page read it.</summary>
/// <param name="Message">The stored NotificationMessage JSON.</param>
public sealed record OutboxRow(
    long Id,
    string IdempotencyKey,
    string Route,
    string Message,
    DateTimeOffset CreatedAt,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastResult,
    DateTimeOffset? DeliveredAt);

/// <summary>How many of a route's messages wait and how many were given up.</summary>
public sealed record OutboxCounts(int Pending, int Dead);

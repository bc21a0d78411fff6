namespace StatusBoard.Core.Notifications.Rules;

/// <summary>
/// An event on its way into a message: <see cref="Key"/> is its part of the idempotency key (service, incident, update,
/// level and when the episode began), <see cref="Text"/> what the service says about it (searched by the wave rule).
/// </summary>
internal sealed record PendingEvent(NotificationEvent Event, string Key, string Text);

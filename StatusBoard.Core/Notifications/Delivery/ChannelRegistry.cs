namespace StatusBoard.Core.Notifications.Delivery;

/// <summary>The registered channels by their <see cref="INotificationChannel.Kind"/> (a route's <c>channel</c>).</summary>
public sealed class ChannelRegistry(IEnumerable<INotificationChannel> channels)
{
    private readonly Dictionary<string, INotificationChannel> _byKind = channels.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    public INotificationChannel? Find(string kind) => _byKind.GetValueOrDefault(kind);
}

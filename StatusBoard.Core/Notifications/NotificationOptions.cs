namespace StatusBoard.Core.Notifications;

/// <summary>Placeholder until branch rules lands its options (routes and the public address).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "StatusBoard:Notifications";

    public List<NotificationRoute> Routes { get; set; } = [];

    public string? PublicUrl { get; set; }
}

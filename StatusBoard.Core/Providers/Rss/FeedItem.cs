namespace StatusBoard.Core.Providers.Rss;

/// <summary>One RSS item or Atom entry, as plain text.</summary>
internal sealed record FeedItem(string Id, string Title, string Body, IReadOnlyList<string> Categories, DateTimeOffset? Published, string? Link);

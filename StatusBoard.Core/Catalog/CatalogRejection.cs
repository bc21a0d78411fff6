namespace StatusBoard.Core.Catalog;

/// <summary>A configuration edit that failed validation: when, and every problem found (key path and service id).</summary>
public sealed record CatalogRejection(DateTimeOffset At, string Source, IReadOnlyList<string> Messages);

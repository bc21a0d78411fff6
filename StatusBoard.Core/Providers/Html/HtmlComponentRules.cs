namespace StatusBoard.Core.Providers.Html;

/// <summary>Where components are; <c>read</c> defaults to the top-level one (a page may show its banner in a class and
/// component states in text).</summary>
internal sealed record HtmlComponentRules(string Items, string Name, string Status, string ReadAs);

namespace StatusBoard.Core.Providers.Json;

/// <summary>The <c>json</c> rules' <c>components</c> object: where the components are, and each one's name and status.</summary>
internal sealed record JsonComponentRules(string ItemsPath, string NamePath, string StatusPath);

namespace StatusBoard.Benchmarks;

public enum PayloadFormat { Json, Xml, Html }

/// <summary>One provider with a representative recorded payload (and the rule object it needs, if any).</summary>
public sealed record ProviderCase(string Provider, string Fixture, PayloadFormat Format, string? RulesJson = null, string? ContentType = null)
{
    public static IReadOnlyList<ProviderCase> All { get; } =
    [
        new("statuspage", "statuspage/github-summary-2026-07-24-major.json", PayloadFormat.Json),
        new("statuspage", "statuspage/cloudflare-summary-2026-07-29-major.json", PayloadFormat.Json),
        new("incidentio", "incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json", PayloadFormat.Json),
    ];

    // BenchmarkDotNet prints this in the Case column.
    public override string ToString() => $"{Provider}:{Path.GetFileNameWithoutExtension(Fixture)}";
}

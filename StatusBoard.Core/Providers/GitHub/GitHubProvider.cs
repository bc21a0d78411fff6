using System.Text.Json;
using StatusBoard.Core.Providers.Statuspage;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.GitHub;

/// <summary>
/// githubstatus.com: today a Statuspage summary; the retired status API answered
/// <c>{"status":"good|minor|major","last_updated":…}</c>, which self-hosted mirrors still serve.
/// </summary>
internal sealed class GitHubProvider : StatuspageProvider
{
    public override string Name => "github";

    protected override ProviderResult ParseDocument(JsonElement root, Uri url)
    {
        if (root.Prop("status") is { ValueKind: JsonValueKind.String } legacy)
        {
            var status = legacy.GetString();
            StatusLevel? level = status switch
            {
                "good" => StatusLevel.Operational,
                "minor" => StatusLevel.Degraded,
                "major" => StatusLevel.MajorOutage,
                _ => null,
            };
            return level is { } known
                ? ProviderResult.Ok(ParsedStatus.Of(known, known == StatusLevel.Operational ? "All systems operational" : $"GitHub reports '{status}'"))
                : ProviderResult.Fail($"{Name}: legacy $.status '{status}' is not good, minor or major");
        }
        return base.ParseDocument(root, url);
    }
}

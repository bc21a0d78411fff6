using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using StatusBoard.Core.Providers;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>
/// Every registered provider gets a thousand mutated versions of a real payload (flipped bytes, truncations,
/// insertions, duplicated chunks; fixed seed): no exception may escape and every call must finish quickly.
/// </summary>
public class ProviderFuzzTests(ITestOutputHelper output)
{
    private const int MutationsPerProvider = 1000;

    /// <summary>A seed payload and the rule object each provider needs; unknown providers fail the test, so new ones get a seed.</summary>
    private static (byte[] Seed, ProviderInput Service) SeedFor(string provider) => provider switch
    {
        "statuspage" => (Fixtures.Read("statuspage/claude-summary-2026-07-29-major.json"), Payloads.NoRules),
        "incidentio" => (Fixtures.Read("incidentio/openai-statuspage-compat-summary-2026-07-22-minor.json"), Payloads.NoRules),
        "github" => (Fixtures.Read("statuspage/github-summary-2022-11-25-minor-indicator-major-incident.json"), Payloads.NoRules),
        "instatus" => (Fixtures.Read("instatus/perplexity-summary-2026-07-23-majoroutage.json"), Payloads.NoRules),
        "gcp" => (FirstItems(Fixtures.Read("gcp/gcp-incidents-json-2020-08-legacy-hyphen-keys-ongoing.json"), 4), Payloads.NoRules),
        "slack" => (Fixtures.Read("slack/slack-current-v2-2023-09-26-active-incident-notes-redacted.json"), Payloads.NoRules),
        "statusio" => (Fixtures.Read("statusio/gitlab-statusio-status-2023-06-29-operational.json"), Payloads.NoRules),
        "betterstack" => (Fixtures.Read("betterstack/huggingface-index-json-2026-07-19-downtime.json"), Payloads.NoRules),
        "rss" => (Fixtures.Read("azure/azure-status-feed-2026-07-23-active.xml"), RuleEntries.Input("{'rss':{'window':'3650.00:00:00'}}")),
        "json" => ("{\"health\":{\"state\":\"warn\",\"message\":\"m\"},\"parts\":[{\"label\":\"A\",\"state\":\"ok\"}]}"u8.ToArray(),
            RuleEntries.Input("{'json':{'status':'$.health.state','map':{'ok':'operational','warn':'degraded'},'components':{'items':'$.parts','name':'$.label','status':'$.state'}}}")),
        "html" => ("<html><body class='status-minor'><div class='banner'>Partial outage</div><ul><li class='row'><span class='n'>API</span><span class='s'>Operational</span></li></ul></body></html>"u8.ToArray(),
            RuleEntries.Input("{'html':{'select':'.banner','rules':[{'match':'(?i)partial','level':'partial_outage'},{'match':'(?i)operational','level':'operational'}],'components':{'items':'li.row','name':'.n','status':'.s'}}}")),
        "http" => ("<html>All systems go</html>"u8.ToArray(), RuleEntries.Input("{'http':{'keyword':'All systems go'}}")),
        _ => throw new InvalidOperationException($"Provider '{provider}' has no fuzz seed: add one here."),
    };

    public static TheoryData<string> Providers() => new(HostileInputTests.Registry.Names);

    [Theory]
    [MemberData(nameof(Providers))]
    public void MutatedPayloads_NeverThrow_AndNeverRunAway(string name)
    {
        var provider = HostileInputTests.Registry.Get(name);
        var (seed, service) = SeedFor(name);
        var random = new Random(20261125);
        var slowest = TimeSpan.Zero;
        var parsed = 0;

        for (var i = 0; i < MutationsPerProvider; i++)
        {
            var body = Mutate(seed, random);
            var watch = Stopwatch.StartNew();
            var result = provider.Parse(service, Payloads.Of(body));
            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            parsed += result.IsSuccess ? 1 : 0;
            if (!result.IsSuccess)
            {
                result.Error.Should().StartWith(name + ":", "a failure names its provider");
            }
        }

        output.WriteLine($"{name}: {MutationsPerProvider} mutations, {parsed} still parsed, slowest call {slowest.TotalMilliseconds:0.0} ms");
        // The slowest call measured 125 ms (gcp) with both cores busy; 20 times that fails only on a runaway parse.
        slowest.Should().BeLessThan(TimeSpan.FromMilliseconds(2500));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2: bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16))); break;
                case 3:
                    var length = Math.Min(random.Next(1, 512), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])); break;
            }
        }
        return [.. bytes];
    }

    // Structural tokens make mutations that still parse far more often than random bytes do.
    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e999", "-0", "\"\\u0000\"", "<", "/>", "<!ENTITY", "&amp;", "\uFFFD"];

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FirstItems(byte[] jsonArray, int count)
    {
        var array = JsonNode.Parse(jsonArray)!.AsArray();
        return Encoding.UTF8.GetBytes(new JsonArray(array.Take(count).Select(n => n!.DeepClone()).ToArray()).ToJsonString());
    }
}

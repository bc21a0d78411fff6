using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Providers;

/// <summary>
/// Every JSON platform provider on hostile bodies: each gives <c>unknown</c> with a reason that names the provider and
/// what was wrong, never an exception. Their parse time is measured in <c>HostileInputBenchmarks</c>; here only a bound
/// that load cannot break catches a parse that never ends.
/// </summary>
public class HostileInputTests
{
    public static readonly ProviderRegistry Registry = new ServiceCollection()
        .AddStatusBoardCore(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<ProviderRegistry>();

    public static readonly string[] JsonPlatforms = ["statuspage", "incidentio", "github", "instatus", "gcp", "slack", "statusio", "betterstack"];

    // The slowest case (five megabytes) took about 1 s with both cores busy; 20 times that fails only on a runaway parse.
    private static readonly TimeSpan s_runawayParse = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in JsonPlatforms)
        {
            data.Add(provider, "empty", "empty");
            data.Add(provider, "whitespace", "empty");
            data.Add(provider, "html", "HTML");
            data.Add(provider, "truncated", "invalid JSON");
            data.Add(provider, "deep", "invalid JSON");
            data.Add(provider, "invalid-utf8", "UTF-8");
            data.Add(provider, "number-root", "");
            data.Add(provider, "wrong-types", "");
            data.Add(provider, "five-megabytes", "");
        }
        return data;
    }

    private static byte[] Body(string kind) => kind switch
    {
        "empty" => [],
        "whitespace" => "  \r\n\t "u8.ToArray(),
        "html" => "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray(),
        "truncated" => "{\"page\":{\"id\":\"x\"},\"status\":{\"indicator\":\"min"u8.ToArray(),
        "deep" => Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
        "invalid-utf8" => [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        "number-root" => "42"u8.ToArray(),
        // Numbers where strings are expected, strings where objects are, as AWS and others have sent.
        "wrong-types" => "{\"page\":7,\"status\":3,\"components\":\"none\",\"incidents\":{\"a\":1},\"result\":[],\"data\":\"x\",\"active_incidents\":5,\"activeIncidents\":true}"u8.ToArray(),
        "five-megabytes" => Encoding.UTF8.GetBytes("{\"junk\":[" + string.Join(',', Enumerable.Repeat("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", 100_000)) + "]}"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HostileBody_IsUnknownWithAReasonNamingTheProvider(string provider, string kind, string reasonContains)
    {
        var parser = Registry.Get(provider);
        var stopwatch = Stopwatch.StartNew();

        var result = parser.Parse(Payloads.NoRules, Payloads.Of(Body(kind)));

        stopwatch.Stop();
        result.IsSuccess.Should().BeFalse($"{provider} must not accept a '{kind}' body");
        result.Error.Should().StartWith(provider + ":");
        if (reasonContains.Length > 0)
        {
            result.Error.Should().Contain(reasonContains);
        }
        stopwatch.Elapsed.Should().BeLessThan(s_runawayParse);
    }

    public static TheoryData<string, string> Utf16Cases() => new()
    {
        { "statuspage", "statuspage/claude-summary-2026-07-29-major.json" },
        { "instatus", "instatus/perplexity-summary-2026-07-23-majoroutage.json" },
        { "slack", "slack/slack-current-v2-2023-09-26-active-incident-notes-redacted.json" },
        { "gcp", "gcp/gcp-incidents-json-2020-08-legacy-hyphen-keys-ongoing.json" },
    };

    [Theory]
    [MemberData(nameof(Utf16Cases))]
    public void Utf16WithBom_ReadsLikeUtf8(string provider, string fixture)
    {
        var utf8 = Fixtures.Read(fixture);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(utf8))).ToArray();
        var parser = Registry.Get(provider);

        var fromUtf16 = parser.Parse(Payloads.NoRules, Payloads.Of(utf16));
        var fromUtf8 = parser.Parse(Payloads.NoRules, Payloads.Of(utf8));

        fromUtf16.Error.Should().BeNull();
        fromUtf16.Status!.Level.Should().Be(fromUtf8.Status!.Level).And.NotBe(StatusLevel.Unknown);
        fromUtf16.Status.Incidents.Select(i => i.Title).Should().Equal(fromUtf8.Status.Incidents.Select(i => i.Title));
    }
}

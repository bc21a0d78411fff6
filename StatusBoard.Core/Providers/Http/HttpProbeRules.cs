using System.Globalization;
using StatusBoard.Core.Providers.Rules;

namespace StatusBoard.Core.Providers.Http;

/// <summary>The optional <c>http</c> rule object: <c>{"expect": 200, "slowMs": 2000, "keyword": "…"}</c>.</summary>
internal sealed record HttpProbeRules(int? Expect, int SlowMs, string? Keyword, IReadOnlyList<string> Errors) : IProviderRules<HttpProbeRules>
{
    public static HttpProbeRules Read(ProviderInput input)
    {
        var reader = new RuleReader(input.RuleSection("http"), input.RuleKey("http"));
        int? expect = null;
        if (reader.String("expect") is { } expectText)
        {
            if (int.TryParse(expectText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599)
            {
                expect = code;
            }
            else
            {
                reader.Error($"{reader.Key("expect")} '{expectText}' is not an HTTP status code");
            }
        }
        var slowMs = 2000;
        if (reader.String("slowMs") is { } slowText && (!int.TryParse(slowText, NumberStyles.None, CultureInfo.InvariantCulture, out slowMs) || slowMs <= 0))
        {
            reader.Error($"{reader.Key("slowMs")} '{slowText}' is not a positive number of milliseconds");
            slowMs = 2000;
        }
        return new HttpProbeRules(expect, slowMs, reader.String("keyword"), reader.Errors);
    }
}

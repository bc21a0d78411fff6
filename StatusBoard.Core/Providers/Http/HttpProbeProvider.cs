using System.Text;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Http;

/// <summary>
/// Our own probe of any URL: the expected status code (any 2xx unless <c>expect</c> says otherwise) and keyword
/// → operational, slower than <c>slowMs</c> → degraded, anything else → major outage. This is an observation,
/// not the vendor's word; beside an official provider it shows as "observed".
/// </summary>
internal sealed class HttpProbeProvider : RuleProvider<HttpProbeRules>
{
    public override string Name => "http";

    public override bool AcceptsAnyStatusCode => true;

    protected override ProviderResult Read(HttpProbeRules rules, FetchedPayload payload)
    {
        var code = payload.StatusCode;
        var expected = rules.Expect is { } expect ? code == expect : code is >= 200 and <= 299;
        if (!expected)
        {
            var wanted = rules.Expect?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx";
            return ProviderResult.Ok(ParsedStatus.Of(StatusLevel.MajorOutage, $"HTTP {code}, expected {wanted}"));
        }
        if (rules.Keyword is { } keyword && !Contains(payload.Body.Span, keyword))
        {
            return ProviderResult.Ok(ParsedStatus.Of(StatusLevel.MajorOutage, $"HTTP {code} but the page does not contain '{keyword}'"));
        }
        var ms = (int)Math.Round(payload.Elapsed.TotalMilliseconds);
        return ms > rules.SlowMs
            ? ProviderResult.Ok(ParsedStatus.Of(StatusLevel.Degraded, $"Slow: {ms} ms (over {rules.SlowMs} ms)"))
            : ProviderResult.Ok(ParsedStatus.Of(StatusLevel.Operational, $"HTTP {code} in {ms} ms"));
    }

    private static bool Contains(ReadOnlySpan<byte> body, string keyword) =>
        body.IndexOf(Encoding.UTF8.GetBytes(keyword)) >= 0;
}

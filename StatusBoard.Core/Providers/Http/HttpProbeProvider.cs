using System.Text;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers.Rules;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Core.Providers.Http;

/// <summary>
/// Our own probe of any URL: the expected status code (any 2xx unless <c>expect</c> says otherwise) and keyword
/// → operational, slower than <c>slowMs</c> → degraded, anything else → major outage. This is an observation,
/// not the vendor's word; beside an official provider it shows as "observed".
/// </summary>
public sealed class HttpProbeProvider : IStatusProvider
{
    private readonly RuleCache<HttpProbeRules> _rules = new();

    public string Name => "http";

    public bool AcceptsAnyStatusCode => true;

    public IEnumerable<string> Validate(ServiceDefinition service) => _rules.Get(service, HttpProbeRules.Read).Errors;

    public ProviderResult Parse(ServiceDefinition service, FetchedPayload payload)
    {
        var rules = _rules.Get(service, HttpProbeRules.Read);
        if (rules.Errors.Count > 0)
        {
            return ProviderResult.Fail($"{Name}: {rules.Errors[0]}");
        }
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

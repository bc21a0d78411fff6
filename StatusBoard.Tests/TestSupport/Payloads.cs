using System.Text;
using StatusBoard.Core.Providers;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Builds provider inputs for tests.</summary>
public static class Payloads
{
    public static readonly Uri DefaultUrl = new("https://status.example.test/api/v2/summary.json");

    public static FetchedPayload Of(byte[] body, Uri? url = null, int statusCode = 200) =>
        new(url ?? DefaultUrl, statusCode, body, "application/json", TimeSpan.FromMilliseconds(42));

    public static FetchedPayload Of(string body, Uri? url = null) => Of(Encoding.UTF8.GetBytes(body), url);

    /// <summary>A catalog entry without a rule object: every provider reads its defaults.</summary>
    public static ProviderInput NoRules => ProviderInput.Empty;
}

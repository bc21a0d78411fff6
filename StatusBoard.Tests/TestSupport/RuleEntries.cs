using System.Text;
using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Providers;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Provider inputs with a rule object, built the way configuration binds a catalog entry.</summary>
public static class RuleEntries
{
    /// <summary><paramref name="entryJson"/> is the whole entry's extra keys, e.g. <c>{"json": {...}}</c> (single quotes allowed).</summary>
    public static ProviderInput Input(string entryJson, bool quotes = true)
    {
        var json = "{\"StatusBoard\":{\"Services\":[" + (quotes ? entryJson.Replace('\'', '"') : entryJson) + "]}}";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return new ProviderInput("StatusBoard:Services:0", configuration.GetSection("StatusBoard:Services:0"));
    }
}

using System.Text;
using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Catalog;

namespace StatusBoard.Tests.TestSupport;

/// <summary>Catalog entries with a provider's rule object, built the way configuration binds them.</summary>
public static class RuleEntries
{
    /// <summary><paramref name="entryJson"/> is the whole entry's extra keys, e.g. <c>{"json": {...}}</c> (single quotes allowed).</summary>
    public static ServiceDefinition Service(string provider, string entryJson, string id = "svc", bool quotes = true)
    {
        var json = "{\"StatusBoard\":{\"Services\":[" + (quotes ? entryJson.Replace('\'', '"') : entryJson) + "]}}";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return new ServiceDefinition
        {
            Id = id,
            Name = id,
            Category = "Test",
            Provider = provider,
            Url = Payloads.DefaultUrl,
            ConfigPath = "StatusBoard:Services:0",
            Settings = configuration.GetSection("StatusBoard:Services:0"),
        };
    }
}

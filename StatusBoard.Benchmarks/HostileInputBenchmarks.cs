using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core;
using StatusBoard.Core.Providers;

namespace StatusBoard.Benchmarks;

/// <summary>
/// What hostile bodies cost a provider: the timings the provider tests used to assert with a stopwatch (five megabytes
/// of junk JSON, HTML built to make the parser work hard). The tests keep the behaviour; the cost is measured here.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private const string BannerRules = "{\"entry\":{\"html\":{\"select\":\".banner\",\"rules\":[{\"match\":\"ok\",\"level\":\"operational\"}]}}}";

    private IStatusProvider _provider = null!;
    private ProviderInput _input = null!;
    private FetchedPayload _payload = null!;

    [Params("statuspage:five-megabytes", "statusio:five-megabytes", "betterstack:five-megabytes", "html:work-hard", "html:many-elements")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (provider, body) = Case.Split(':') switch
        {
            ["html", "work-hard"] => ("html", new StringBuilder("<div class='banner'>ok</div>")
                .Append(string.Concat(Enumerable.Repeat("<div><span><b><i>", 20_000)))
                .Append("<p " + string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"a{i}=x")) + ">").ToString()),
            ["html", _] => ("html", "<div class='banner'>ok</div>" + string.Concat(Enumerable.Repeat("<div><span>x</span><br><img src=a.png></div>", 3_000))),
            [var json, _] => (json, "{\"junk\":[" + string.Join(',', Enumerable.Repeat("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", 100_000)) + "]}"),
            _ => throw new InvalidOperationException(Case),
        };
        _provider = new ServiceCollection()
            .AddStatusBoardCore(new ConfigurationBuilder().Build())
            .BuildServiceProvider()
            .GetRequiredService<ProviderRegistry>()
            .Get(provider);
        var entry = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(BannerRules))).Build();
        _input = new ProviderInput("entry", entry.GetSection("entry"));
        _payload = new FetchedPayload(new Uri("https://status.example.test/"), 200, Encoding.UTF8.GetBytes(body), null, TimeSpan.Zero);
    }

    [Benchmark]
    public ProviderResult Parse() => _provider.Parse(_input, _payload);
}

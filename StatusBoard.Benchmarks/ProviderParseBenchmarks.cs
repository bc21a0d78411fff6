using System.Text;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core;
using StatusBoard.Core.Providers;

namespace StatusBoard.Benchmarks;

/// <summary>
/// Parse cost of one recorded payload per provider. The baseline is the bare parse of the same bytes by the
/// platform's reader (JsonDocument, XmlReader or AngleSharp), so the ratio is what normalizing costs on top.
/// </summary>
[MemoryDiagnoser]
public class ProviderParseBenchmarks
{
    private IStatusProvider _provider = null!;
    private ProviderInput _input = null!;
    private FetchedPayload _payload = null!;
    private readonly HtmlParser _htmlParser = new();

    [ParamsSource(nameof(Cases))]
    public ProviderCase Case { get; set; } = null!;

    public static IEnumerable<ProviderCase> Cases() => ProviderCase.All;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new ServiceCollection()
            .AddStatusBoardCore(new ConfigurationBuilder().Build())
            .BuildServiceProvider()
            .GetRequiredService<ProviderRegistry>();
        _provider = registry.Get(Case.Provider);
        var entry = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Case.RulesJson ?? "{}")))
            .Build();
        _input = new ProviderInput("entry", entry.GetSection("entry"));
        _payload = new FetchedPayload(new Uri("https://status.example.test/"), 200, RepositoryPaths.Fixture(Case.Fixture), Case.ContentType, TimeSpan.Zero);
        var check = _provider.Parse(_input, _payload);
        if (!check.IsSuccess)
        {
            throw new InvalidOperationException($"{Case}: {check.Error}");
        }
    }

    [Benchmark(Baseline = true)]
    public object BareParse()
    {
        switch (Case.Format)
        {
            case PayloadFormat.Json:
                return JsonDocument.Parse(_payload.Body);
            case PayloadFormat.Xml:
                using (var reader = XmlReader.Create(new MemoryStream(_payload.Body.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
                {
                    while (reader.Read())
                    {
                    }
                    return reader;
                }
            default:
                return _htmlParser.ParseDocument(Encoding.UTF8.GetString(_payload.Body.Span));
        }
    }

    [Benchmark]
    public ProviderResult Parse() => _provider.Parse(_input, _payload);
}

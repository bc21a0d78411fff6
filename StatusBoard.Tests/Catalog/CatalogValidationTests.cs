using StatusBoard.Core;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using StatusBoard.Core.Catalog;
using StatusBoard.Core.Providers;
using StatusBoard.Core.Providers.Statuspage;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Catalog;

public class CatalogValidationTests
{
    // Every provider Core registers, so the shipped catalog is checked against all of them (rule objects included).
    private static readonly ProviderRegistry s_providers = new ServiceCollection()
        .AddStatusBoardCore(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<ProviderRegistry>();

    private static (CatalogOptions Options, IReadOnlyList<string> Errors) Load(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new CatalogOptions();
        CatalogLoader.Load(configuration, options);
        var result = new ValidateCatalogOptions(s_providers).Validate(null, options);
        return (options, result.Failures?.ToList() ?? []);
    }

    private static Dictionary<string, string?> Entry(int index, string id, string provider = "statuspage", string? url = "https://status.example.test/api/v2/summary.json") => new()
    {
        [$"StatusBoard:Services:{index}:id"] = id,
        [$"StatusBoard:Services:{index}:name"] = id,
        [$"StatusBoard:Services:{index}:category"] = "Test",
        [$"StatusBoard:Services:{index}:provider"] = provider,
        [$"StatusBoard:Services:{index}:url"] = url,
    };

    [Fact]
    public void ValidCatalog_LoadsInOrderWithDefaults()
    {
        var settings = Entry(0, "github").Concat(Entry(1, "stripe")).ToDictionary();
        settings["StatusBoard:Services:1:interval"] = "00:00:30";

        var (options, errors) = Load(settings);

        errors.Should().BeEmpty();
        options.Services.Select(s => s.Id).Should().Equal("github", "stripe");
        options.IntervalOf(options.Services[0]).Should().Be(TimeSpan.FromMinutes(1));
        options.IntervalOf(options.Services[1]).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("duplicate id", "StatusBoard:Services:1:id 'github' is a duplicate")]
    [InlineData("unknown provider", "StatusBoard:Services:1:provider 'statuspag' (service 'stripe') is not one of: auto, betterstack, gcp, github, html, http, incidentio, instatus, json, rss, slack, statusio, statuspage")]
    [InlineData("relative url", "StatusBoard:Services:1:url '/api/v2/summary.json' (service 'stripe') is not an absolute http(s) URL")]
    [InlineData("missing url", "StatusBoard:Services:1:url (service 'stripe') is missing")]
    [InlineData("ftp url", "StatusBoard:Services:1:url 'ftp://example.test/x' (service 'stripe') is not an absolute http(s) URL")]
    [InlineData("bad id", "StatusBoard:Services:1:id 'Stripe Inc' (service 'Stripe Inc') must be lowercase letters, digits and single dashes")]
    [InlineData("bad interval", "StatusBoard:Services:1:interval 'soon' (service 'stripe') is not a positive TimeSpan")]
    public void InvalidEntry_IsReportedWithKeyAndServiceId(string problem, string expected)
    {
        var second = problem switch
        {
            "duplicate id" => Entry(1, "github"),
            "unknown provider" => Entry(1, "stripe", provider: "statuspag"),
            "relative url" => Entry(1, "stripe", url: "/api/v2/summary.json"),
            "missing url" => Entry(1, "stripe", url: null),
            "ftp url" => Entry(1, "stripe", url: "ftp://example.test/x"),
            "bad id" => Entry(1, "Stripe Inc"),
            _ => Entry(1, "stripe"),
        };
        if (problem == "bad interval")
        {
            second["StatusBoard:Services:1:interval"] = "soon";
        }

        var (_, errors) = Load(Entry(0, "github").Concat(second).ToDictionary());

        errors.Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Fact]
    public void CatalogFile_ReplacesServices_AndResolvesRelativeToWorkingDirectory()
    {
        var file = TestCatalog.Write([new TestCatalog.Entry("from-file", new Uri("https://x.example.test/api/v2/summary.json"))]);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        var settings = Entry(0, "from-config");
        settings["StatusBoard:CatalogFile"] = relative;

        var (options, errors) = Load(settings);

        errors.Should().BeEmpty();
        options.Services.Select(s => s.Id).Should().Equal("from-file");
    }

    [Theory]
    [InlineData("""[{"id":"a",""", "is not valid JSON")]
    [InlineData("""{"id":"a"}""", "must hold a JSON array of services")]
    public void MalformedCatalogFile_IsReportedWithTheKey(string content, string expected)
    {
        var file = TestCatalog.WriteRaw(content);

        var (_, errors) = Load(new Dictionary<string, string?> { ["StatusBoard:CatalogFile"] = file });

        errors.Should().ContainSingle().Which.Should().StartWith("StatusBoard:CatalogFile").And.Contain(expected);
    }

    [Fact]
    public void UnreadableCatalogFile_IsReportedWithThePath()
    {
        var (_, errors) = Load(new Dictionary<string, string?> { ["StatusBoard:CatalogFile"] = "/nonexistent/catalog.json" });

        errors.Should().ContainSingle().Which.Should().StartWith("StatusBoard:CatalogFile '/nonexistent/catalog.json' cannot be read");
    }

    [Fact]
    public void ShippedCatalog_IsValid_AndLargeEnough()
    {
        var appsettings = Path.Combine(Fixtures.RepositoryRoot, "StatusBoard.Web", "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(appsettings).Build();
        var options = new CatalogOptions();
        CatalogLoader.Load(configuration, options);

        var result = new ValidateCatalogOptions(s_providers).Validate(null, options);

        result.Failures.Should().BeNullOrEmpty();
        options.Services.Should().HaveCountGreaterThanOrEqualTo(130);
        options.Services.Count(s => s.Provider == "statuspage").Should().BeGreaterThanOrEqualTo(25);
        options.Services.Should().OnlyContain(s => s.Url.Scheme == "https" && s.StatusPageUrl != null && s.Category.Length > 0);
        options.Services.Select(s => s.Category).Should().OnlyContain(c => s_shippedCategories.Contains(c),
            "the shipped catalog uses one fixed list of at most 12 categories");
        s_shippedCategories.Should().HaveCountLessThanOrEqualTo(12);
        options.Services.Select(s => s.Id).Should().OnlyHaveUniqueItems();
    }

    private static readonly HashSet<string> s_shippedCategories =
    [
        "Code & CI", "Cloud & Hosting", "CDN & DNS", "Data & Storage", "Observability", "Payments & Commerce",
        "Communication", "AI & ML", "Auth & Security", "Productivity & SaaS", "Package Registries", "Email & Messaging",
    ];

    [Fact]
    public async Task App_WithBadCatalog_ExitsWithOneReadableMessage_NoStackTrace()
    {
        // Arrange: a catalog with two mistakes.
        var file = TestCatalog.WriteRaw(JsonSerializer.Serialize(new[]
        {
            new { id = "a", name = "A", category = "x", provider = "statuspage", url = "https://a.example.test/" },
            new { id = "a", name = "B", category = "x", provider = "nope", url = "https://b.example.test/" },
        }));

        // Act
        var (exitCode, stdout, errors) = await AppProcess.RunToExitAsync([$"--StatusBoard:CatalogFile={file}", "--urls=http://127.0.0.1:0"],
            TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(1);
        errors.Should().Contain("StatusBoard cannot start: the configuration is invalid.");
        errors.Should().Contain("[1]:id 'a' is a duplicate");
        errors.Should().Contain("provider 'nope' (service 'a') is not one of:");
        (errors + stdout).Should().NotContain("   at ", "a configuration error is a message, not a stack trace");
    }
}

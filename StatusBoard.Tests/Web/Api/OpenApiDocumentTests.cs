using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>The OpenAPI document describes every public endpoint the app maps, with its responses.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task OpenApiDocument_ListsEveryMappedRoute_WithItsResponses()
    {
        // Arrange
        await using var app = new StatusBoardApp(TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]));
        using var client = app.CreateClient();

        // Act
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        // Assert: every route endpoint that is neither a Blazor page nor a framework/static file is documented.
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => !IsFramework(p))
            .Distinct()
            .ToArray();
        mapped.Should().Contain(["/api/status", "/api/status/{id}", "/api/status/stream", "/healthz", "/metrics"]);
        documented.Should().Contain(mapped);
        foreach (var path in mapped)
        {
            var get = paths.GetProperty(path).GetProperty("get");
            get.GetProperty("responses").EnumerateObject().Should().NotBeEmpty($"{path} documents its responses");
        }
        paths.GetProperty("/api/status/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).Should().BeTrue();
    }

    /// <summary>Blazor's hub and scripts, static files (and their catch-all), and the OpenAPI document itself are not the API.</summary>
    private static bool IsFramework(string path) =>
        path.StartsWith("/_", StringComparison.Ordinal) || path.StartsWith("/openapi/", StringComparison.Ordinal)
        || path.Contains("{**", StringComparison.Ordinal) || (Path.HasExtension(path) && !path.Contains('{'));
}

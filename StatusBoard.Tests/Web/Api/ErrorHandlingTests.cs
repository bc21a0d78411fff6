using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>An unhandled exception in Production gives a real answer, not a broken re-execution.</summary>
public sealed class ErrorHandlingTests
{
    private const string ThrowingPath = "/test-only/throw";

    [Fact]
    public async Task Production_UnhandledException_AnswersProblemDetails500_WithoutTheExceptionText()
    {
        // Arrange: the app in Production, with a test-only endpoint that throws.
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("a", upstream.Url("/a/api/v2/summary.json"))]);
        await using var app = new StatusBoardApp(catalog)
        {
            Environment = "Production",
            TestServices = services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>(),
        };
        using var client = app.CreateClient();

        // Act
        using var response = await client.GetAsync(ThrowingPath, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("status").GetInt32().Should().Be(500);
        body.Should().NotContain("secret detail", "exception messages stay in the logs");
    }

    [Fact]
    public async Task Production_UnhandledException_ForABrowser_AnswersAnErrorPage()
    {
        // Arrange
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("a", upstream.Url("/a/api/v2/summary.json"))]);
        await using var app = new StatusBoardApp(catalog)
        {
            Environment = "Production",
            TestServices = services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>(),
        };
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ThrowingPath);
        request.Headers.Add("Accept", "text/html");

        // Act
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        body.Should().Contain("Something went wrong").And.NotContain("secret detail");
    }

    /// <summary>Runs after the app's own pipeline, so the app's exception handler sees what it throws.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException("secret detail")
                : nextMiddleware(context));
        };
    }
}

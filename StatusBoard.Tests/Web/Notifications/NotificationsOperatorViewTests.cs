using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.Notifications.Delivery;
using StatusBoard.Tests.Configuration;
using StatusBoard.Tests.Notifications;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Commands;

namespace StatusBoard.Tests.Web.Notifications;

/// <summary>/notifications and /healthz show each route's delivery to operators only, and never a URL, secret or password.</summary>
public sealed class NotificationsOperatorViewTests : IAsyncLifetime
{
    private const string Secret = "hmac-XXXXsecret";
    private const string Password = "smtp-XXXXpassword";
    private NotificationReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private Dictionary<string, string?> Routes() => new()
    {
        ["StatusBoard:Notifications:Routes:0:Name"] = "ops",
        ["StatusBoard:Notifications:Routes:0:Channel"] = "slack",
        ["StatusBoard:Notifications:Routes:0:Url"] = _receiver.Url("/services/T0/B0/XXXXhookpath"),
        ["StatusBoard:Notifications:Routes:1:Name"] = "audit",
        ["StatusBoard:Notifications:Routes:1:Channel"] = "webhook",
        ["StatusBoard:Notifications:Routes:1:Url"] = _receiver.Url("/in/XXXXhookpath"),
        ["StatusBoard:Notifications:Routes:1:Secret"] = Secret,
        ["StatusBoard:Notifications:Smtp:Password"] = Password,
    };

    [Fact]
    public async Task Operator_SeesRoutesFilterAndDeliveriesButNoSecret()
    {
        // Arrange
        await using var app = new StatusBoardApp(StartupRun.ValidCatalog(), settings: Routes());
        var client = app.CreateClient();
        app.Services.GetRequiredService<OutboxStore>().Enqueue(TestMessages.Single(key: "k1", route: "ops") with { Title = "GitHub went down" }, DateTimeOffset.UtcNow);
        await _receiver.WaitForAsync(1);

        // Act
        var html = await client.GetStringAsync("/notifications", TestContext.Current.CancellationToken);

        // Assert
        html.Should().Contain("ops").And.Contain("(slack)").And.Contain("audit").And.Contain("URL configured, secret configured")
            .And.Contain("from degraded").And.Contain("level changes and incidents");
        html.Should().Contain("GitHub went down");
        html.Should().NotContain("XXXXhookpath").And.NotContain(Secret).And.NotContain(Password).And.NotContain(_receiver.BaseAddress.Authority);
    }

    [Fact]
    public async Task Anonymous_GetsOperatorsOnlyPageWithNoRouteData()
    {
        await using var app = new StatusBoardApp(StartupRun.ValidCatalog(), settings: Routes());
        _ = app.Server; // start

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/notifications";
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        }, TestContext.Current.CancellationToken);
        var html = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);

        html.Should().Contain("This page is for StatusBoard's operators");
        html.Should().NotContain("audit").And.NotContain("(slack)").And.NotContain("URL configured");
    }

    [Fact]
    public async Task Healthz_ListsRouteHealthWithSecretsRedacted()
    {
        await using var app = new StatusBoardApp(StartupRun.ValidCatalog(), settings: Routes());
        var client = app.CreateClient();

        var body = await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken);

        body.Should().Contain("\"name\":\"notifications\"").And.Contain("route:ops").And.Contain("route:audit");
        body.Should().NotContain("XXXXhookpath").And.NotContain(Secret).And.NotContain(Password);
    }

    [Fact]
    public async Task NotifyTest_SendsOneMessageThroughTheRouteAndExitsZero()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        string[] args = ["notify-test", "ops", $"--StatusBoard:CatalogFile={StartupRun.ValidCatalog()}", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}",
            .. Routes().Select(kv => $"--{kv.Key}={kv.Value}")];

        var exitCode = await CommandLine.TryRunAsync(args, output, error, TestContext.Current.CancellationToken);

        exitCode.Should().Be(0, error.ToString());
        output.ToString().Trim().Should().Be("route ops (slack): delivered (HTTP 200)");
        var received = await _receiver.WaitForAsync(1);
        received.Should().ContainSingle().Which.Json.GetProperty("text").GetString().Should().Be("StatusBoard test message for route ops");
    }

    [Fact]
    public async Task NotifyTest_UnknownRoute_NamesItAndTheKnownRoutes()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        string[] args = ["notify-test", "pager", $"--StatusBoard:CatalogFile={StartupRun.ValidCatalog()}", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}",
            .. Routes().Select(kv => $"--{kv.Key}={kv.Value}")];

        var exitCode = await CommandLine.TryRunAsync(args, output, error, TestContext.Current.CancellationToken);

        exitCode.Should().Be(1);
        error.ToString().Trim().Should().Be("unknown route 'pager'; known routes: ops, audit");
        _receiver.Received.Should().BeEmpty();
    }
}

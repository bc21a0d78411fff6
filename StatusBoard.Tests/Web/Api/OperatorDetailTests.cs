using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusBoard.Core.History;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Web.Api;

/// <summary>
/// Database paths and driver messages are for operators: /healthz shows them to loopback clients and to callers
/// with the configured operator key; anonymous remote callers get a generic reason.
/// </summary>
public sealed class OperatorDetailTests : IAsyncLifetime
{
    private const string DriverMessage = "SQLite Error 14: 'unable to open database file'";
    private const string OperatorKey = "k3y-for-tests";
    private static readonly IPAddress s_remote = IPAddress.Parse("203.0.113.9");
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;
    private string _databasePath = "";

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/a/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([new("a", _upstream.Url("/a/api/v2/summary.json"))]);
        // A data folder under a regular file: no write can succeed, so the history stays failing for every request.
        var blocker = Path.GetTempFileName();
        _app = new StatusBoardApp(catalog, settings: new Dictionary<string, string?>
        {
            ["StatusBoard:OperatorKey"] = OperatorKey,
            ["StatusBoard:DataDirectory"] = Path.Combine(blocker, "data"),
        });
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
        _databasePath = _app.Services.GetRequiredService<HistoryDatabase>().FilePath;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_AnonymousRemoteCaller_GetsAGenericReason_WithoutPathOrDriverMessage()
    {
        // Act
        var body = await HealthzAsync(s_remote);

        // Assert
        body.Should().NotContain(_databasePath).And.NotContain("SQLite").And.NotContain("\"lastError\"").And.NotContain(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(_databasePath))!));
        History(body).GetProperty("status").GetString().Should().Be("Degraded");
        History(body).GetProperty("description").GetString().Should().Be("History database failing");
    }

    [Theory]
    [InlineData("loopback", null)]
    [InlineData("remote", OperatorKey)]
    public async Task Healthz_LoopbackOrOperatorKey_GetsTheDetail(string caller, string? key)
    {
        // Act
        var body = await HealthzAsync(caller == "loopback" ? IPAddress.Loopback : s_remote, key);

        // Assert
        body.Should().Contain(JsonEncodedText.Encode(_databasePath).ToString()).And.Contain("\"lastError\"");
    }

    [Fact]
    public async Task Healthz_RemoteCallerWithAWrongKey_GetsNoDetail()
    {
        var body = await HealthzAsync(s_remote, "guess");

        body.Should().NotContain("\"lastError\"").And.NotContain(JsonEncodedText.Encode(_databasePath).ToString());
    }

    private async Task<string> HealthzAsync(IPAddress remote, string? key = null)
    {
        _app.Services.GetRequiredService<HistoryHealth>().Failed(DateTimeOffset.UtcNow, DriverMessage, pending: 3);
        var context = await _app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/healthz";
            c.Connection.RemoteIpAddress = remote;
            if (key is not null)
            {
                c.Request.Headers["X-StatusBoard-Operator-Key"] = key;
            }
        }, TestContext.Current.CancellationToken);
        return await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private static JsonElement History(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "history");
}

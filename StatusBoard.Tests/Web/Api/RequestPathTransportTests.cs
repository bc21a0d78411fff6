using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Hosting;

namespace StatusBoard.Tests.Web.Api;

/// <summary>
/// The transport and thread-pool settings the request path was measured with (README, Performance): inline socket
/// I/O (on by default, <c>StatusBoard:InlineSocketIO</c>), one socket I/O queue per two cores when it is off, and
/// thread-pool threads that block instead of spinning.
/// </summary>
public sealed class RequestPathTransportTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(8, 4)]
    [InlineData(64, 16)]
    public void IOQueueCount_IsOnePerTwoCores_AtLeastOne_AtMostKestrelsCap(int cores, int expected)
    {
        // Act
        var queues = SocketTransportTuning.IOQueueCount(cores);

        // Assert
        queues.Should().Be(expected);
    }

    [Fact]
    public async Task TheApp_ConfiguresTheSocketTransport_ForThisMachine()
    {
        // Arrange
        await using var app = new StatusBoardApp(TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]));

        // Act
        var options = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        // Assert
        options.IOQueueCount.Should().Be(SocketTransportTuning.IOQueueCount(Environment.ProcessorCount));
        options.UnsafePreferInlineScheduling.Should().BeTrue("inline socket I/O is the default");
    }

    [Fact]
    public async Task InlineSocketIOOff_KeepsKestrelsThreadPoolDispatch()
    {
        // Arrange
        await using var app = new StatusBoardApp(TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]),
            settings: new Dictionary<string, string?> { [ServingOptions.InlineSocketIOKey] = "false" });

        // Act
        var options = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        // Assert
        options.UnsafePreferInlineScheduling.Should().BeFalse();
    }

    [Fact]
    public async Task InlineSocketIO_WithAnUnreadableValue_FailsStartUpNamingTheKey()
    {
        // Arrange
        var catalog = TestCatalog.Write([new TestCatalog.Entry("svc", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]);

        // Act
        var (exitCode, stdout, errors) = await AppProcess.RunToExitAsync(
            [$"--StatusBoard:CatalogFile={catalog}", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}", "--StatusBoard:InlineSocketIO=sometimes", "--urls=http://127.0.0.1:0"],
            TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(1);
        errors.Should().Contain("StatusBoard cannot start: the configuration is invalid.");
        errors.Should().Contain("StatusBoard:InlineSocketIO");
        (errors + stdout).Should().NotContain("   at ", "a configuration error is a message, not a stack trace");
    }

    [Fact]
    public void PublishedRuntimeConfig_TurnsThreadPoolSpinningOff()
    {
        // Arrange: the web app's own runtimeconfig.json, copied beside the tests by the project reference
        var path = Path.Combine(AppContext.BaseDirectory, "StatusBoard.Web.runtimeconfig.json");

        // Act
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // Assert
        properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().Should().Be(0);
        properties.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse();
    }
}

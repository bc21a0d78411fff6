using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Circuits;
using StatusBoard.Web.Operations;

namespace StatusBoard.Tests.Web.Operations;

/// <summary>The Prometheus gauges read the running app without keeping a stopped one alive.</summary>
public sealed class LiveGaugesTests
{
    [Fact]
    public async Task Register_StaticRegistryHoldsTheAppOnlyWeakly_AndScrapesTheLatestApp()
    {
        // Arrange: one app's services registered, then dropped (a stopped host).
        var dropped = RegisterAndDrop();

        // Act: the next app registers and Prometheus scrapes.
        await using var current = Services();
        LiveGauges.Register(current);
        using var text = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(text, TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Assert
        dropped.IsAlive.Should().BeFalse("the static metrics registry must not keep a stopped app's service provider alive");
        System.Text.Encoding.UTF8.GetString(text.ToArray()).Should().Contain("statusboard_live_circuits ", "the gauges still read the app that registered last");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RegisterAndDrop()
    {
        var services = Services();
        LiveGauges.Register(services);
        services.Dispose();
        return new WeakReference(services);
    }

    private static ServiceProvider Services() => new ServiceCollection()
        .AddSingleton<CircuitCounter>()
        .AddSingleton(TestStores.Create(new FakeTimeProvider(), ("a", "Test")))
        .BuildServiceProvider();
}

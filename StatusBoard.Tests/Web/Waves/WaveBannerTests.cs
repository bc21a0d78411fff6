using Bunit;
using FluentAssertions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components.Pages;
using StatusBoard.Web.Components.Tiles;
using StatusBoard.Web.Feeds;

namespace StatusBoard.Tests.Web.Waves;

/// <summary>The wave banner on the live board: a real store, the fake clock, the default window (10 min) and threshold (5).</summary>
public sealed class WaveBannerTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotStore _store;

    public WaveBannerTests()
    {
        _store = TestStores.Create(_time, ("actions", "Code & CI"), ("npm", "Package Registries"), ("vercel", "Cloud & Hosting"),
            ("devops", "Code & CI"), ("netlify", "Cloud & Hosting"), ("slack", "Communication"));
        foreach (var service in _store.Current.Services)
        {
            _store.Set(_time, service.Id, StatusLevel.Operational);
        }
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddWaveBanner();
        _context.Services.AddTestHistory();
        _context.Services.AddSingleton<TileMarkupCache>();
        _context.Services.AddSingleton(_store);
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSupplyValueFromQueryProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
    }

    /// <summary>Five services in four categories degrade a minute apart; three of them blame Azure.</summary>
    private void Wave()
    {
        (string Id, string Summary)[] failing =
        [
            ("actions", "Delays caused by an Azure networking issue"), ("npm", "Elevated errors"), ("vercel", "Builds slow: upstream Azure degradation"),
            ("devops", "Azure Front Door degraded"), ("netlify", "Investigating"),
        ];
        foreach (var (id, summary) in failing)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            _store.Set(_time, id, StatusLevel.Degraded, summary);
        }
    }

    [Fact]
    public void Board_WaveWithinTheWindow_ShowsTheBanner_NamesInOrder_AndLinksToExactlyThoseServices()
    {
        // Arrange
        var board = _context.Render<Board>();
        board.FindAll("[data-testid='wave-banner']").Should().BeEmpty();

        // Act
        Wave();

        // Assert
        board.WaitForAssertion(() => board.Find("[data-testid='wave-text']").TextContent.Should().Be(
            "5 services degraded in the last 10 minutes: actions, npm, vercel, … — 3 of them mention Azure"));
        board.Find("[data-testid='wave-link']").GetAttribute("href").Should().Be("?services=actions%2Cnpm%2Cvercel%2Cdevops%2Cnetlify");
        board.Find("[data-testid='wave-banner']").GetAttribute("role").Should().Be("status");
    }

    [Fact]
    public void Banner_FirstReadingsThatFindServicesDegraded_AreNoWave()
    {
        // Arrange: a store whose services are read for the first time, five of them degraded (a start-up, not a wave).
        using var store = TestStores.Create(_time, ("a", "x"), ("b", "y"), ("c", "z"), ("d", "x"), ("e", "y"));
        var cache = new StatusBoard.Web.Components.Waves.WaveBannerCache(
            _context.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<StatusBoard.Web.Components.Waves.WaveBannerOptions>>(), _time, store);
        cache.For(store.Current);
        foreach (var service in store.Current.Services)
        {
            store.Set(_time, service.Id, StatusLevel.Degraded);
        }

        // Act
        var state = cache.For(store.Current);

        // Assert
        state.Wave.Should().BeNull();
    }

    [Fact]
    public void Board_AtTheBannersLink_ShowsOnlyTheWavesServices()
    {
        // Arrange
        Wave();

        // Act
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/?services=actions%2Cnpm%2Cvercel%2Cdevops%2Cnetlify");
        var board = _context.Render<Board>();

        // Assert
        board.FindAll(".tile-grid [data-service-id]").Select(e => e.GetAttribute("data-service-id"))
            .Should().BeEquivalentTo("actions", "npm", "vercel", "devops", "netlify");
    }

    [Fact]
    public void Banner_WindowPasses_WithoutANewSnapshot_Disappears()
    {
        // Arrange
        var board = _context.Render<Board>();
        Wave();
        board.WaitForAssertion(() => board.FindAll("[data-testid='wave-banner']").Should().ContainSingle());
        var version = _store.Current.Version;

        // Act: the first member leaves the window; four remain, below the threshold.
        _time.Advance(TimeSpan.FromMinutes(6));

        // Assert
        board.WaitForAssertion(() => board.FindAll("[data-testid='wave-banner']").Should().BeEmpty());
        _store.Current.Version.Should().Be(version, "the clock alone ended the wave");
    }

    [Fact]
    public void Banner_ServicesRecover_Disappears()
    {
        // Arrange
        var board = _context.Render<Board>();
        Wave();
        board.WaitForAssertion(() => board.FindAll("[data-testid='wave-banner']").Should().ContainSingle());

        // Act
        _store.Set(_time, "npm", StatusLevel.Operational);

        // Assert
        board.WaitForAssertion(() => board.FindAll("[data-testid='wave-banner']").Should().BeEmpty());
    }

    [Fact]
    public void Banner_TwoBoards_OneComputationPerVersion()
    {
        // Arrange: the cache saw the board healthy, then the wave.
        var cache = _context.Services.GetRequiredService<StatusBoard.Web.Components.Waves.WaveBannerCache>();
        cache.For(_store.Current).Wave.Should().BeNull();
        Wave();

        // Act
        var first = cache.For(_store.Current);
        var second = cache.For(_store.Current);

        // Assert
        second.Should().BeSameAs(first);
        first.Wave!.Members.Should().HaveCount(5);
    }
}

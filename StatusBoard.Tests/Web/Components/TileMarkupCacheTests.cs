using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Components.Tiles;

namespace StatusBoard.Tests.Web.Components;

/// <summary>The shared tile markup never keeps a strip that has moved on, even when circuits build at once.</summary>
public sealed class TileMarkupCacheTests
{
    [Fact]
    public async Task For_StripChangesWhileAnotherCircuitBuildsTheOldTile_NeverCachesTheOldStrip()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Arrange: a strip slow to copy (so one build takes a while) and its small successor.
            var strips = new SwitchingStrips();
            var tiles = new TileMarkupCache(strips);
            var status = ServiceStatus.Pending("acme", "Acme", "Cloud", null) with { Status = StatusLevel.Operational };
            strips.Current = SwitchingStrips.Old;

            // Act: circuit A builds with the old strip; while it does, the strip changes and circuit B builds.
            var circuitA = Task.Run(() => tiles.For(status, pinned: false), TestContext.Current.CancellationToken);
            strips.OldHandedOut.Wait(TestContext.Current.CancellationToken);
            strips.Current = SwitchingStrips.New;
            tiles.For(status, pinned: false);
            await circuitA;

            // Assert: whatever order the writes landed in, the next viewer gets the current strip.
            var next = tiles.For(status, pinned: false).Value;
            next.Contains(SwitchingStrips.New, StringComparison.Ordinal).Should().BeTrue($"attempt {attempt}: the cache must not serve the strip that was replaced");
        }
    }

    private sealed class SwitchingStrips : ITileStrips
    {
        public static readonly string Old = "<span class=\"old-strip\">" + new string('x', 20_000_000) + "</span>";
        public static readonly string New = "<span class=\"new-strip\"></span>";

        public readonly ManualResetEventSlim OldHandedOut = new();

        public volatile string? Current;

        public string? For(string serviceId)
        {
            var strip = Current;
            if (ReferenceEquals(strip, Old))
            {
                OldHandedOut.Set();
            }
            return strip;
        }
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Components;

namespace StatusBoard.Tests.Web.Components;

public sealed class LiveSnapshotComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotStore _store;

    public LiveSnapshotComponentTests()
    {
        _store = TestStores.Create(_time, ("alpha", "Cloud"));
        _context.Services.AddSingleton(_store);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task NewerVersion_Rerenders_OlderOrEqualVersion_DoesNot()
    {
        // Arrange
        var cut = _context.Render<VersionProbe>();
        var first = _store.Current;

        // Act
        _store.Set(_time, "alpha", StatusLevel.Degraded);
        cut.WaitForState(() => cut.Instance.Shown == _store.Current.Version, TimeSpan.FromSeconds(30));
        var renders = cut.RenderCount;
        var latest = _store.Current;
        await cut.Instance.OnStoreChangedAsync(first);
        await cut.Instance.OnStoreChangedAsync(latest);

        // Assert
        cut.RenderCount.Should().Be(renders, "a version not newer than the one shown changes nothing");
        cut.Instance.Shown.Should().Be(latest.Version);
        cut.Find("p").TextContent.Should().Be($"v{latest.Version}");
    }

    [Fact]
    public async Task IrrelevantVersion_IsSkipped_WithoutARender()
    {
        // Arrange
        var cut = _context.Render<VersionProbe>(p => p.Add(c => c.Relevant, false));
        var renders = cut.RenderCount;

        // Act
        _store.Set(_time, "alpha", StatusLevel.Degraded);
        _store.Set(_time, "alpha", StatusLevel.MajorOutage);
        // No render happens for an irrelevant version, so wait on the offer itself, not on a render.
        await cut.Instance.OfferedVersion(_store.Current.Version).WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);

        // Assert
        cut.RenderCount.Should().Be(renders);
        cut.Instance.Shown.Should().Be(1);
    }

    [Fact]
    public async Task ThrowingHandler_SurfacesOnTheCircuit()
    {
        // Arrange
        _context.Render<VersionProbe>(p => p.Add(c => c.Throws, true));

        // Act
        _store.Set(_time, "alpha", StatusLevel.Degraded);

        // Assert
        var error = await _context.Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
        error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("handler failed");
    }

    [Fact]
    public void Disposal_Unsubscribes()
    {
        var subscribers = _store.SubscriberCount;
        _context.Render<VersionProbe>();
        _store.SubscriberCount.Should().Be(subscribers + 1);

        _context.Renderer.DisposeComponents();

        _store.SubscriberCount.Should().Be(subscribers);
    }

    /// <summary>Shows the version it last applied; can be told to find nothing relevant, or to throw.</summary>
    private sealed class VersionProbe : LiveSnapshotComponent
    {
        [Parameter]
        public bool Relevant { get; set; } = true;

        [Parameter]
        public bool Throws { get; set; }

        public long Shown { get; private set; }

        private readonly Lock _offers = new();
        private readonly List<(long Version, TaskCompletionSource Reached)> _waiting = [];

        public long Offered { get; private set; }

        /// <summary>Completes once a version at least <paramref name="version"/> was offered to the component.</summary>
        public Task OfferedVersion(long version)
        {
            lock (_offers)
            {
                if (Offered >= version)
                {
                    return Task.CompletedTask;
                }
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((version, reached));
                return reached.Task;
            }
        }

        protected override void OnInitialized()
        {
            base.OnInitialized();
            Shown = Snapshot.Version;
        }

        protected override bool ShouldRenderFor(Snapshot snapshot)
        {
            lock (_offers)
            {
                Offered = snapshot.Version;
                foreach (var (version, reached) in _waiting.Where(w => w.Version <= snapshot.Version))
                {
                    reached.TrySetResult();
                }
                _waiting.RemoveAll(w => w.Version <= snapshot.Version);
            }
            return Relevant;
        }

        protected override void OnSnapshotChanged(Snapshot snapshot)
        {
            if (Throws)
            {
                throw new InvalidOperationException("handler failed");
            }
            Shown = snapshot.Version;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, $"v{Shown}");
            builder.CloseElement();
        }
    }
}

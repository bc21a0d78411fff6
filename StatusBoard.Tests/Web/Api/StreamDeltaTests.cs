using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Api;

namespace StatusBoard.Tests.Web.Api;

/// <summary><c>/api/status/stream?mode=delta</c>: a snapshot on connect, then per version only what changed.</summary>
public sealed class StreamDeltaTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private FakeUpstream _upstream = null!;
    private StatusBoardApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Set("/github/api/v2/summary.json", StatuspageJson.Summary("none"));
        _upstream.Set("/stripe/api/v2/summary.json", StatuspageJson.Summary("none"));
        var catalog = TestCatalog.Write([
            new("github", _upstream.Url("/github/api/v2/summary.json"), Name: "GitHub"),
            new("stripe", _upstream.Url("/stripe/api/v2/summary.json"), Name: "Stripe"),
        ]);
        _app = new StatusBoardApp(catalog, _time);
        _ = _app.Server;
        await _app.Store.WaitForAsync(s => s.Services.All(x => x.CheckedAt is not null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public void Delta_OneServiceChanged_CarriesOnlyThatService_AndTheVersionChain()
    {
        // Arrange
        ImmutableArray<ServiceStatus> services = [Service("a"), Service("b"), Service("c")];
        var first = Snapshot.Create(7, _time.GetUtcNow(), "run1", services);

        // Act
        var second = Snapshot.Create(8, _time.GetUtcNow(), "run1", services.SetItem(1, services[1] with { Status = StatusLevel.MajorOutage }), first);

        // Assert
        var (id, name, data) = Parse(second.DeltaEvent!.Value);
        id.Should().Be("run1-8");
        name.Should().Be("delta");
        data.GetProperty("version").GetInt64().Should().Be(8);
        data.GetProperty("previous").GetInt64().Should().Be(7);
        data.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("b");
        data.GetProperty("services")[0].GetProperty("status").GetString().Should().Be("major_outage");
        data.GetProperty("services")[0].TryGetProperty("components", out _).Should().BeTrue("changed services are sent whole");
        data.GetProperty("removed").GetArrayLength().Should().Be(0);
        first.DeltaEvent.Should().BeNull("a snapshot without a predecessor has no delta");
    }

    [Fact]
    public void Delta_PollsThatOnlyRefreshedCheckedAt_AreNotSent()
    {
        // Arrange: every service was polled again; only "b" says something new.
        ImmutableArray<ServiceStatus> services = [Service("a"), Service("b")];
        var first = Snapshot.Create(1, _time.GetUtcNow(), "run1", services);
        var later = _time.GetUtcNow().AddMinutes(1);

        // Act
        var second = Snapshot.Create(2, later, "run1",
            [services[0] with { CheckedAt = later, ResponseTimeMs = 42 }, services[1] with { CheckedAt = later, Summary = "Elevated errors" }], first);

        // Assert
        var (_, _, data) = Parse(second.DeltaEvent!.Value);
        data.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("b");
    }

    [Fact]
    public void Delta_CatalogChange_SendsAddedServicesWhole_AndRemovedIds()
    {
        // Arrange
        var first = Snapshot.Create(1, _time.GetUtcNow(), "run1", [Service("a"), Service("b")]);

        // Act
        var second = Snapshot.Create(2, _time.GetUtcNow(), "run1", [first.Services[0], Service("c")], first);

        // Assert
        var (_, _, data) = Parse(second.DeltaEvent!.Value);
        data.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("c");
        data.GetProperty("removed").EnumerateArray().Select(s => s.GetString()).Should().Equal("b");
    }

    [Fact]
    public void EventFor_ClientThatSkippedAFewVersions_GetsOneDeltaFromTheVersionItHolds()
    {
        // Arrange: versions 1, 2, 3; a slow client still holds 1 when 3 is its next. "a" changes twice, "b" changes
        // and changes back (the client already shows that), "c" never changes.
        ImmutableArray<ServiceStatus> services = [Service("a"), Service("b"), Service("c")];
        var v1 = Snapshot.Create(1, _time.GetUtcNow(), "run1", services);
        var v2 = Snapshot.Create(2, _time.GetUtcNow(), "run1",
            [services[0] with { Status = StatusLevel.Degraded }, services[1] with { Status = StatusLevel.MajorOutage }, services[2]], v1);
        var v3 = Snapshot.Create(3, _time.GetUtcNow(), "run1", [v2.Services[0] with { Status = StatusLevel.MajorOutage }, services[1], services[2]], v2);

        // Act
        var fromOne = StreamApi.EventFor(v3, held: 1, deltas: true);

        // Assert: one delta from what the client holds (a whole snapshot is 100 kB and more on a real board).
        var (id, name, data) = Parse(fromOne);
        (id, name).Should().Be(("run1-3", "delta"));
        data.GetProperty("previous").GetInt64().Should().Be(1, "it applies to the version the client holds");
        data.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal(["a"],
            "b is back to what the client shows; c never changed");
        data.GetProperty("services")[0].GetProperty("status").GetString().Should().Be("major_outage");
        StreamApi.EventFor(v3, held: 1, deltas: true).Should().Be(fromOne, "every client behind by the same versions shares one copy");
        StreamApi.EventFor(v3, held: 2, deltas: true).Should().Be(v3.DeltaEvent!.Value, "the delta applies to exactly what the client holds");
        StreamApi.EventFor(v3, held: 0, deltas: true).Should().Be(v3.SseEvent, "the first event is the whole snapshot");
        StreamApi.EventFor(v3, held: 2, deltas: false).Should().Be(v3.SseEvent, "the default stream keeps whole snapshots");
    }

    [Fact]
    public void EventFor_ClientFurtherBehindThanTheVersionsKept_GetsTheWholeSnapshot()
    {
        // Arrange: more versions than the snapshot keeps bases for.
        var snapshot = Snapshot.Create(1, _time.GetUtcNow(), "run1", [Service("a")]);
        for (var version = 2; version <= Snapshot.DeltaBasesKept + 2; version++)
        {
            snapshot = Snapshot.Create(version, _time.GetUtcNow(), "run1", [snapshot.Services[0] with { Summary = $"update {version}" }], snapshot);
        }

        // Act + Assert
        var oldestKept = snapshot.Version - Snapshot.DeltaBasesKept;
        Parse(StreamApi.EventFor(snapshot, held: oldestKept, deltas: true)).Event.Should().Be("delta");
        StreamApi.EventFor(snapshot, held: oldestKept - 1, deltas: true).Should().Be(snapshot.SseEvent, "a version no longer kept gets the whole snapshot");
        StreamApi.EventFor(snapshot, held: snapshot.Version + 5, deltas: true).Should().Be(snapshot.SseEvent, "an unknown version gets the whole snapshot");
    }

    [Fact]
    public async Task TwoDeltaClients_GetASnapshot_ThenTheSameSharedDeltaBytes_ForAChange()
    {
        // Arrange: two clients in delta mode, each with its first (whole) snapshot.
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        var first = _app.Store.Current;
        using var one = await OpenAsync(client, ct);
        using var two = await OpenAsync(client, ct);
        foreach (var reader in new[] { one, two })
        {
            var opening = await reader.NextAsync();
            opening.Event.Should().Be("snapshot");
            opening.Id.Should().Be(first.EventId);
        }

        // Act: one service changes (straight into the store: exactly one new version, no poll of the others).
        _app.Store.Set(_time, "stripe", StatusLevel.MajorOutage);
        var changed = _app.Store.Current;

        // Assert: each client gets the delta from the version it holds, and its bytes are the snapshot's own.
        var expected = Encoding.UTF8.GetString(changed.DeltaEvent!.Value.Span);
        foreach (var reader in new[] { one, two })
        {
            var next = await reader.NextAsync();
            next.Event.Should().Be("delta");
            using var json = JsonDocument.Parse(next.Data);
            json.RootElement.GetProperty("previous").GetInt64().Should().Be(first.Version);
            json.RootElement.GetProperty("version").GetInt64().Should().Be(changed.Version);
            json.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal("stripe");
            $"id: {next.Id}\nevent: {next.Event}\ndata: {next.Data}\n\n".Should().Be(expected);
        }
        MemoryMarshal.TryGetArray(changed.DeltaEvent!.Value, out var once).Should().BeTrue();
        MemoryMarshal.TryGetArray(changed.DeltaEvent!.Value, out var again).Should().BeTrue();
        ReferenceEquals(once.Array, again.Array).Should().BeTrue("the delta is made once per version, not per client");
    }

    [Fact]
    public async Task UnknownMode_Is400Problem()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/status/stream?mode=diff", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("diff").And.Contain("delta");
    }

    private static async Task<SseReader> OpenAsync(HttpClient client, CancellationToken ct)
    {
        var response = await client.GetAsync("/api/status/stream?mode=delta", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        return new SseReader(await response.Content.ReadAsStreamAsync(ct));
    }

    private static ServiceStatus Service(string id) => ServiceStatus.Pending(id, id.ToUpperInvariant(), "Test", null) with
    {
        Status = StatusLevel.Operational,
        Error = null,
    };

    private static (string Id, string Event, JsonElement Data) Parse(ReadOnlyMemory<byte> sseEvent)
    {
        var lines = Encoding.UTF8.GetString(sseEvent.Span).Split('\n');
        lines[^1].Should().BeEmpty();
        lines[^2].Should().BeEmpty("an event ends with a blank line");
        return (lines[0]["id: ".Length..], lines[1]["event: ".Length..], JsonDocument.Parse(lines[2]["data: ".Length..]).RootElement.Clone());
    }
}

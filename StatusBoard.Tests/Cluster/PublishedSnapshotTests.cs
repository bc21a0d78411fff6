using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster;

/// <summary>A version crosses Redis as one frame and comes out as the very bytes the leader serves.</summary>
public sealed class PublishedSnapshotTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));

    [Fact]
    public void AFollowerServesTheLeadersBytes_Document_Event_Summary_AndDelta()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"), ("stripe", "Payments"), ("slack", "Chat"));
        leader.Set(_time, "github", StatusLevel.Operational);
        leader.Set(_time, "stripe", StatusLevel.Degraded, "Card payments slow");
        var made = leader.Current;

        var frame = made.ToPublished().Encode();
        var received = Snapshot.FromPublished(PublishedSnapshot.Decode(frame)!, previous: null);

        received.Version.Should().Be(made.Version);
        received.ETag.Should().Be(made.ETag);
        received.EventId.Should().Be(made.EventId);
        received.Json.ToArray().Should().Equal(made.Json.ToArray());
        received.SseEvent.ToArray().Should().Equal(made.SseEvent.ToArray());
        received.Summary.Json.ToArray().Should().Equal(made.Summary.Json.ToArray());
        received.Summary.ETag.Should().Be(made.Summary.ETag);
        received.DeltaBase.Should().Be(made.DeltaBase);
        received.DeltaEvent!.Value.ToArray().Should().Equal(made.DeltaEvent!.Value.ToArray());
        received.GeneratedAt.Should().Be(made.GeneratedAt);
        received.Adopted.Should().BeTrue();
        made.Adopted.Should().BeFalse();
        received.Services.Select(s => s.Id).Should().Equal("github", "stripe", "slack");
        SnapshotStore.SameContent(received.Find("stripe")!, made.Find("stripe")!).Should().BeTrue();
        received.FindJson("stripe")!.Value.ToArray().Should().Equal(made.FindJson("stripe")!.Value.ToArray());
    }

    [Fact]
    public void TheOfflineFlagCrossesToo()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        leader.SetOffline(new Connectivity(_time.GetUtcNow(), "StatusBoard cannot reach the internet"));

        var received = Snapshot.FromPublished(PublishedSnapshot.Decode(leader.Current.ToPublished().Encode())!, null);

        received.Offline.Should().Be(leader.Current.Offline);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SB2 something else")]
    [InlineData("SB1 too short")]
    public void AFrameOfAnotherFormatIsRefused_NotMisread(string text)
    {
        PublishedSnapshot.Decode(System.Text.Encoding.UTF8.GetBytes(text)).Should().BeNull();
    }

    [Fact]
    public void ATruncatedFrameIsRefused()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        var frame = leader.Current.ToPublished().Encode();

        PublishedSnapshot.Decode(frame.AsMemory(0, frame.Length - 3)).Should().BeNull();
    }
}

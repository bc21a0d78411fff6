using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.Snapshot;
using StatusBoard.Tests.TestSupport;

namespace StatusBoard.Tests.Cluster;

/// <summary>A follower's store: one writer (the leader), versions only forward, and its own readings ignored.</summary>
public sealed class SnapshotFollowingTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));

    private static Snapshot Received(SnapshotStore leader) =>
        Snapshot.FromPublished(PublishedSnapshot.Decode(leader.Current.ToPublished().Encode())!, null);

    [Fact]
    public void AFollowerIgnoresItsOwnReadings_AndShowsTheLeadersNewerVersions()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"), ("stripe", "Payments"));
        using var follower = TestStores.Create(_time, ("github", "Dev"), ("stripe", "Payments"));
        follower.Follow();

        follower.Set(_time, "github", StatusLevel.MajorOutage);
        follower.Current.Version.Should().Be(1, "a follower's own poll result must not make a version");

        leader.Set(_time, "github", StatusLevel.Degraded);
        follower.Adopt(Received(leader)).Should().BeTrue();

        follower.Current.Version.Should().Be(leader.Current.Version);
        follower.Current.Find("github")!.Status.Should().Be(StatusLevel.Degraded);
        follower.Current.ETag.Should().Be(leader.Current.ETag);
    }

    [Fact]
    public void AnOlderOrRepeatedVersionChangesNothing()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        using var follower = TestStores.Create(_time, ("github", "Dev"));
        follower.Follow();
        leader.Set(_time, "github", StatusLevel.Degraded);
        var older = Received(leader);
        leader.Set(_time, "github", StatusLevel.Operational);
        var newer = Received(leader);

        follower.Adopt(newer).Should().BeTrue();
        follower.Adopt(older).Should().BeFalse();
        follower.Adopt(Received(leader)).Should().BeFalse();

        follower.Current.Should().BeSameAs(newer);
    }

    [Fact]
    public void AdoptedVersionsReachTheChangeFeed_WithWhatChanged()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"), ("stripe", "Payments"));
        using var follower = TestStores.Create(_time, ("github", "Dev"), ("stripe", "Payments"));
        follower.Follow();
        leader.Set(_time, "github", StatusLevel.Operational);
        leader.Set(_time, "stripe", StatusLevel.Operational);
        follower.Adopt(Received(leader));
        using var feed = follower.OpenChangeFeed();

        _time.Advance(TimeSpan.FromSeconds(30));
        leader.Set(_time, "github", StatusLevel.Operational); // freshness only
        leader.Set(_time, "stripe", StatusLevel.PartialOutage);
        follower.Adopt(Received(leader));

        feed.TryRead(out var change).Should().BeTrue();
        change!.Changed.Select(s => s.Id).Should().Equal("stripe");
        change.Current.Version.Should().Be(leader.Current.Version);
    }

    [Fact]
    public void ANewLeaderNumbersOnFromTheLastVersionItShowed()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        using var follower = TestStores.Create(_time, ("github", "Dev"));
        follower.Follow();
        for (var i = 0; i < 5; i++)
        {
            leader.Set(_time, "github", i % 2 == 0 ? StatusLevel.Degraded : StatusLevel.Operational);
        }
        follower.Adopt(Received(leader));

        follower.Lead();
        follower.Set(_time, "github", StatusLevel.MajorOutage);

        follower.Current.Version.Should().Be(leader.Current.Version + 1);
        follower.Current.Adopted.Should().BeFalse();
        follower.Current.DeltaBase.Should().Be(leader.Current.Version);
    }

    [Fact]
    public void NotHearingTheLeaderFlagsTheBoard_AndTheLeadersNextVersionClearsIt()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        using var follower = TestStores.Create(_time, ("github", "Dev"));
        follower.Follow();
        leader.Set(_time, "github", StatusLevel.Operational);
        follower.Adopt(Received(leader));

        follower.MarkUnheard(new Connectivity(_time.GetUtcNow(), "nothing heard from the leader"));
        follower.MarkUnheard(new Connectivity(_time.GetUtcNow(), "nothing heard from the leader"));

        follower.Current.Version.Should().Be(leader.Current.Version + 1, "flagged once, in one version of its own");
        follower.Current.Offline!.Message.Should().Be("nothing heard from the leader");
        leader.Set(_time, "github", StatusLevel.Degraded);
        leader.Set(_time, "github", StatusLevel.Operational);
        follower.Adopt(Received(leader)).Should().BeTrue();
        follower.Current.Offline.Should().BeNull();
    }

    [Fact]
    public void LeadingClearsAFlagThatWasNotItsOwnJudgement_InANewVersion()
    {
        using var follower = TestStores.Create(_time, ("github", "Dev"));
        follower.Follow();
        follower.MarkUnheard(new Connectivity(_time.GetUtcNow(), "nothing heard from the leader"));
        var flagged = follower.Current.Version;

        follower.Lead();

        follower.Current.Offline.Should().BeNull();
        follower.Current.Version.Should().Be(flagged + 1);
    }

    [Fact]
    public void ALeaderNumbersPastAVersionAnotherNodeMadeOnItsOwn_AndTheFollowerAdoptsIt()
    {
        using var leader = TestStores.Create(_time, ("github", "Dev"));
        using var follower = TestStores.Create(_time, ("github", "Dev"));
        follower.Follow();
        leader.Set(_time, "github", StatusLevel.Operational);
        follower.Adopt(Received(leader));
        // Cut off: the follower flags its board in a version of its own; the leader, meanwhile, made one too.
        follower.MarkUnheard(new Connectivity(_time.GetUtcNow(), "nothing heard from the leader"));
        leader.Set(_time, "github", StatusLevel.Degraded);
        follower.Adopt(Received(leader)).Should().BeFalse("the same number, other bytes: not newer");

        leader.NumberPast(follower.Current.Version);

        leader.Current.Version.Should().Be(follower.Current.Version + 1);
        follower.Adopt(Received(leader)).Should().BeTrue();
        follower.Current.ETag.Should().Be(leader.Current.ETag);
        follower.Current.Find("github")!.Status.Should().Be(StatusLevel.Degraded);
    }
}

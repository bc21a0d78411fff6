using FluentAssertions;
using StatusBoard.Core.Notifications;
using StatusBoard.Core.Snapshot;

namespace StatusBoard.Tests.Notifications.Rules;

/// <summary>A route is told only about its services (ids, globs), categories and boards, at or above its minLevel.</summary>
public sealed class FilterTests
{
    private static readonly (string, string)[] Services =
        [("github-actions", "Code"), ("github-pages", "Hosting"), ("npm", "Registries"), ("stripe", "Payments")];

    private static List<string> Told(Dictionary<string, string?> settings, IBoardMembership? boards = null)
    {
        using var bench = new RulesBench(settings, Services, boards: boards);
        foreach (var (id, _) in Services)
        {
            bench.Set(id, StatusLevel.Operational);
        }
        bench.Set("github-actions", StatusLevel.Degraded);
        bench.Set("github-pages", StatusLevel.MajorOutage);
        bench.Set("npm", StatusLevel.PartialOutage);
        bench.Set("stripe", StatusLevel.MajorOutage);
        bench.Advance(TimeSpan.FromMinutes(10));
        return [.. bench.Messages.SelectMany(m => m.Events).Select(e => e.ServiceId)];
    }

    [Fact]
    public void ServicesByIdAndGlob() =>
        Told(RulesBench.OneRoute(("services:0", "GitHub-*"), ("services:1", "stripe")))
            .Should().Equal("github-actions", "github-pages", "stripe");

    [Fact]
    public void Categories() =>
        Told(RulesBench.OneRoute(("categories:0", "registries"))).Should().Equal("npm");

    [Fact]
    public void MinLevel_ByItsApiName() =>
        Told(RulesBench.OneRoute(("minLevel", "major_outage"))).Should().Equal("github-pages", "stripe");

    [Fact]
    public void Boards_AskTheBoardMembership() =>
        Told(RulesBench.OneRoute(("boards:0", "payments-team")), new OneBoard("payments-team", "stripe", "npm"))
            .Should().Equal("npm", "stripe");

    [Fact]
    public void Boards_WithoutAnyBoardsRegistered_MatchNothing() =>
        Told(RulesBench.OneRoute(("boards:0", "payments-team"))).Should().BeEmpty();

    [Fact]
    public void Events_ARouteThatListsOnlyIncidents_GetsNoLevelChanges() =>
        Told(RulesBench.OneRoute(("events:0", "IncidentOpened"))).Should().BeEmpty();

    private sealed class OneBoard(string board, params string[] services) : IBoardMembership
    {
        public bool IsOn(string boardId, ServiceStatus service) => boardId == board && services.Contains(service.Id);
    }
}

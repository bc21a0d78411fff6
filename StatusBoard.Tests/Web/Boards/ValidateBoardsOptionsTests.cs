using StatusBoard.Web.Boards;

namespace StatusBoard.Tests.Web.Boards;

public sealed class ValidateBoardsOptionsTests
{
    private static IEnumerable<string> Failures(params BoardDefinition[] boards)
    {
        var options = new BoardsOptions();
        options.Boards.AddRange(boards);
        return new ValidateBoardsOptions().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void Validate_ValidBoards_Succeed()
    {
        Failures(new BoardDefinition { Id = "payments", Title = "Payments", Services = ["stripe", "aws-*"], Categories = ["Cloud"], Order = ["stripe"] })
            .Should().BeEmpty();
    }

    [Fact]
    public void Validate_EveryProblem_IsOneMessageNamingItsKey()
    {
        var failures = Failures(
            new BoardDefinition { Id = "Payments", Title = "P", Services = ["stripe"] },
            new BoardDefinition { Id = "core", Title = "", Services = ["Bad Id!"] },
            new BoardDefinition { Id = "core", Title = "Again" },
            new BoardDefinition { Id = "ops", Title = "Ops", Categories = [" "], Order = ["NOT AN ID"] });

        failures.Should().BeEquivalentTo(
            "StatusBoard:Boards:0:id 'Payments' must be lowercase letters, digits and single dashes.",
            "StatusBoard:Boards:1:title (board 'core') is missing: give the heading the board shows.",
            "StatusBoard:Boards:1:services:0 'Bad Id!' (board 'core') must be a service id or a glob such as \"aws-*\".",
            "StatusBoard:Boards:2:id 'core' is a duplicate: StatusBoard:Boards:1 already uses it.",
            "StatusBoard:Boards:2 (board 'core') selects nothing: give services (ids or globs such as \"aws-*\") or categories.",
            "StatusBoard:Boards:3:categories:0 (board 'ops') is empty: give a category name.",
            "StatusBoard:Boards:3:order:0 'NOT AN ID' (board 'ops') must be a service id.");
    }
}

using StatusBoard.Core.Snapshot;
using StatusBoard.Web.Boards;

namespace StatusBoard.Tests.Web.Boards;

public sealed class BoardViewTests
{
    private static readonly ServiceStatus[] s_catalog =
    [
        ServiceStatus.Pending("github", "GitHub", "Code & CI", null),
        ServiceStatus.Pending("aws-ec2", "AWS EC2", "Cloud", null),
        ServiceStatus.Pending("aws-s3", "AWS S3", "Cloud", null),
        ServiceStatus.Pending("stripe", "Stripe", "Payments", null),
        ServiceStatus.Pending("openai", "OpenAI", "AI & ML", null),
    ];

    private static string[] Ids(BoardDefinition definition) => [.. new BoardView(definition).Select(s_catalog).Select(s => s.Id)];

    [Theory]
    [InlineData(new[] { "github" }, new string[0], new[] { "github" })]
    [InlineData(new[] { "aws-*" }, new string[0], new[] { "aws-ec2", "aws-s3" })]
    [InlineData(new[] { "*-s3", "stripe" }, new string[0], new[] { "aws-s3", "stripe" })]
    [InlineData(new string[0], new[] { "cloud" }, new[] { "aws-ec2", "aws-s3" })]
    [InlineData(new[] { "openai" }, new[] { "PAYMENTS" }, new[] { "stripe", "openai" })]
    [InlineData(new[] { "nothing-*" }, new[] { "Nowhere" }, new string[0])]
    public void Select_ByIdsGlobsAndCategories_KeepsCatalogOrder(string[] services, string[] categories, string[] expected)
    {
        Ids(new BoardDefinition { Id = "t", Title = "T", Services = [.. services], Categories = [.. categories] })
            .Should().Equal(expected);
    }

    [Fact]
    public void Select_WithOrder_PutsTheNamedServicesFirstInThatOrder()
    {
        var board = new BoardDefinition { Id = "t", Title = "T", Categories = ["Cloud", "Payments", "Code & CI"], Order = ["stripe", "aws-s3"] };

        Ids(board).Should().Equal("stripe", "aws-s3", "github", "aws-ec2");
    }

    [Fact]
    public void Sort_WithOrder_PinsLead_ThenTheBoardOrder_ThenProblemsFirst()
    {
        // Arrange: github has a problem, but the board's order names aws-s3 first.
        var view = new BoardView(new BoardDefinition { Id = "t", Title = "T", Categories = ["Cloud", "Code & CI", "Payments"], Order = ["aws-s3"] });
        var services = s_catalog.Select(s => s.Id == "github" ? s with { Status = StatusLevel.MajorOutage } : s with { Status = StatusLevel.Operational });

        // Act
        var sorted = view.Sort(services.Where(view.Contains), new HashSet<string> { "stripe" });

        // Assert
        sorted.Select(s => s.Id).Should().Equal("stripe", "aws-s3", "github", "aws-ec2");
    }
}

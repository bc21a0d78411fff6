using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Time.Testing;
using StatusBoard.Core.History;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Api;

namespace StatusBoard.Tests.Web.Api;

/// <summary>A failing history database answers 503 with a generic reason; the driver's message stays in the logs.</summary>
public sealed class HistoryApiFailureTests
{
    [Fact]
    public void GetHistory_DatabaseFails_Answers503_WithoutThePathOrTheDriverMessage()
    {
        // Arrange: a database folder that cannot be created (its parent is a file), so the error names the path.
        var file = Path.GetTempFileName();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var queries = new HistoryQueries(new HistoryReader(TestHistory.NewDatabase(Path.Combine(file, "history"))), time);
        using var store = TestStores.Create(time, ("acme", "Cloud"));

        // Act
        var result = HistoryApi.GetHistory("acme", null, null, store, queries);

        // Assert
        var problem = result.Should().BeOfType<ProblemHttpResult>().Subject;
        problem.StatusCode.Should().Be(503);
        problem.ProblemDetails.Detail.Should().NotContain(Path.GetFileName(file)).And.NotContain("/");
    }
}

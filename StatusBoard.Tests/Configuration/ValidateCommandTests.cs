using FluentAssertions;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web.Commands;

namespace StatusBoard.Tests.Configuration;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_GoodFile_ExitsZeroAndCountsTheServices()
    {
        // Arrange
        var file = StartupRun.ValidCatalog();
        var (output, error) = (new StringWriter(), new StringWriter());

        // Act
        var exitCode = await CommandLine.TryRunAsync(["validate", file, $"--StatusBoard:DataDirectory={TestData.NewDirectory()}"], output, error, TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("valid: 1 service").And.Contain(file);
    }

    [Fact]
    public async Task Validate_BrokenFile_ExitsOneWithEveryProblem()
    {
        // Arrange
        var file = TestCatalog.WriteRaw("""[{"id":"Bad Id","provider":"statuspag","url":"ftp://x"}, {"id":"ok","provider":"github","url":"http://127.0.0.1:9/"}]""");
        var (output, error) = (new StringWriter(), new StringWriter());

        // Act
        var exitCode = await CommandLine.TryRunAsync(["validate", file], output, error, TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(1);
        var problems = StartupRun.Problems(error.ToString());
        problems.Should().HaveCount(3);
        problems.Should().Contain(p => p.Contains(":id 'Bad Id'")).And.Contain(p => p.Contains(":provider 'statuspag'")).And.Contain(p => p.Contains(":url 'ftp://x'"));
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsOneNamingTheKey()
    {
        // Act
        var error = new StringWriter();
        var exitCode = await CommandLine.TryRunAsync(["validate", "/nonexistent/services.json"], new StringWriter(), error, TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(1);
        error.ToString().Should().Contain("StatusBoard:CatalogFile").And.Contain("cannot be read");
    }

    [Fact]
    public async Task NoCommand_StartsTheServer()
    {
        // `dotnet run` puts --contentRoot first; a configuration switch alone is not a command.
        (await CommandLine.TryRunAsync(["--contentRoot", "/tmp", "--StatusBoard:Demo=true"], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken)).Should().BeNull();
        (await CommandLine.TryRunAsync([], TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken)).Should().BeNull();
    }

    [Fact]
    public async Task Command_AfterDotnetRunsOwnSwitches_IsFound()
    {
        // Act
        var exitCode = await CommandLine.TryRunAsync(["--contentRoot", AppContext.BaseDirectory, "validate", StartupRun.ValidCatalog(),
            $"--StatusBoard:DataDirectory={TestData.NewDirectory()}"], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);

        // Assert
        exitCode.Should().Be(0);
    }
}

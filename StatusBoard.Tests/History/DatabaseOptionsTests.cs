using StatusBoard.Tests.Configuration;

namespace StatusBoard.Tests.History;

/// <summary><c>StatusBoard:Database</c>: a bad value fails start-up with one message naming the key, never showing the secret.</summary>
public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("--StatusBoard:Database:Provider=mysql", "StatusBoard:Database:Provider 'mysql' is not one of: sqlite, postgres")]
    [InlineData("--StatusBoard:Database:Provider=postgres", "StatusBoard:Database:ConnectionString is required")]
    public void BadDatabaseSetting_FailsStartUp_WithOneMessageNamingTheKey(string argument, string message)
    {
        // Act
        var (exitCode, error) = StartupRun.Validate(argument);

        // Assert
        exitCode.Should().Be(1);
        StartupRun.Problems(error).Should().ContainSingle().Which.Should().Contain(message);
        error.Should().NotContain("   at ", "no stack trace");
    }

    [Fact]
    public void MalformedConnectionString_NamesTheKey_NeverItsValue()
    {
        // Act
        var (exitCode, error) = StartupRun.Validate("--StatusBoard:Database:Provider=postgres",
            "--StatusBoard:Database:ConnectionString=Host=db;Password=hunter2;Frobnicate=yes");

        // Assert
        exitCode.Should().Be(1);
        StartupRun.Problems(error).Should().ContainSingle().Which.Should().Contain("StatusBoard:Database:ConnectionString is not a valid");
        error.Should().NotContain("hunter2");
    }

    [Fact]
    public void Postgres_WithAConnectionString_PassesValidation()
    {
        // Act
        var (exitCode, error) = StartupRun.Validate("--StatusBoard:Database:Provider=postgres",
            "--StatusBoard:Database:ConnectionString=Host=127.0.0.1;Port=9;Database=history");

        // Assert
        exitCode.Should().Be(0, error);
    }
}

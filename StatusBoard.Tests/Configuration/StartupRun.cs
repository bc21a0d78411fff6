using Microsoft.Extensions.Logging;
using StatusBoard.Tests.TestSupport;
using StatusBoard.Web;

namespace StatusBoard.Tests.Configuration;

/// <summary>Builds the real app from command-line arguments, as Program.cs does, and runs start-up validation only.</summary>
internal static class StartupRun
{
    /// <summary>A catalog of one service on a closed local port: valid, and never polled by these tests.</summary>
    public static string ValidCatalog() =>
        TestCatalog.Write([new TestCatalog.Entry("local", new Uri("http://127.0.0.1:9/api/v2/summary.json"))]);

    public static (int ExitCode, string Error) Validate(params string[] args)
    {
        string[] all = [$"--StatusBoard:CatalogFile={ValidCatalog()}", $"--StatusBoard:DataDirectory={TestData.NewDirectory()}", .. args];
        var builder = StatusBoardBuilder.Create(all);
        builder.Logging.ClearProviders();
        using var app = builder.Build();
        var error = new StringWriter();
        return (StartupGuard.Validate(app, error) ? 0 : 1, error.ToString());
    }

    /// <summary>The lines of a report that are problems ("  - …").</summary>
    public static string[] Problems(string error) =>
        error.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToArray();
}

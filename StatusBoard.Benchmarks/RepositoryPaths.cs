namespace StatusBoard.Benchmarks;

/// <summary>Finds the repository root and the third-party fixtures (never copied into the repository).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures =>
        Environment.GetEnvironmentVariable("STATUSBOARD_FIXTURES") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

    public static byte[] Fixture(string relativePath) => File.ReadAllBytes(Path.Combine(Fixtures, relativePath));

    private static string FindRoot()
    {
        // BenchmarkDotNet runs each benchmark from a generated folder below bin/, so walk up to the solution.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatusBoard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("StatusBoard.sln not found above " + AppContext.BaseDirectory);
    }
}

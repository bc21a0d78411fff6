namespace StatusBoard.Tests.TestSupport;

/// <summary>
/// Real recorded payloads live in <c>../shared/fixtures</c> beside the repository (or <c>STATUSBOARD_FIXTURES</c>).
/// They are third parties' recordings: read at test time, never copied into the repository. When the folder is
/// missing, tests that need it report themselves skipped with the reason, and .ci/run fails on any skip.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string?> s_root = new(Locate);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The fixtures folder, or skips the calling test when it is absent.</summary>
    public static string Root => s_root.Value ?? SkipMissing();

    public static byte[] Read(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Fixture '{relativePath}' is not in {Root}.", path);
        }
        return path;
    }

    /// <summary>All files of one provider folder (e.g. <c>statuspage</c>), as paths relative to the root.</summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder)).Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(Root, p));

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("STATUSBOARD_FIXTURES");
        var candidate = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string SkipMissing()
    {
        Assert.Skip($"Recorded fixtures not found: expected ../shared/fixtures beside the repository ({RepositoryRoot}) or STATUSBOARD_FIXTURES.");
        return "";
    }

    private static string FindRepositoryRoot()
    {
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

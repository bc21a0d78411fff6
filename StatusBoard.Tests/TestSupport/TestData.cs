namespace StatusBoard.Tests.TestSupport;

/// <summary>Fresh folders for anything a test host stores (the history database), never the repository's <c>data</c>.</summary>
public static class TestData
{
    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "statusboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

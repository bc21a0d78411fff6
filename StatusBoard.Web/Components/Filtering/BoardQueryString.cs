namespace StatusBoard.Web.Components.Filtering;

/// <summary>Reads the board's URL query values (shared by the board and the wall).</summary>
public static class BoardQueryString
{
    public static BoardQuery Parse(string? category, string? text, string? problemsOnly, string? services = null) => new(
        string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
        string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        problemsOnly is "1" || string.Equals(problemsOnly, "true", StringComparison.OrdinalIgnoreCase),
        string.IsNullOrWhiteSpace(services) ? null : string.Join(',', services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}

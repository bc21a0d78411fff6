using StatusBoard.Core.Snapshot;

namespace StatusBoard.Web.Components.Filtering;

/// <summary>
/// What the board shows, exactly as the URL query says it (<c>?category=Cloud&amp;q=git&amp;problems=1</c>),
/// so a link or a pinned tab restores the view. <see cref="Services"/> is a comma-separated list of ids
/// (<c>?services=github,npm</c>: the wave banner's link).
/// </summary>
public sealed record BoardQuery(string? Category = null, string? Text = null, bool ProblemsOnly = false, string? Services = null)
{
    public static BoardQuery Everything { get; } = new();

    /// <summary>True when <paramref name="service"/> passes every filter of this query.</summary>
    public bool Matches(ServiceStatus service)
    {
        if (ProblemsOnly && !service.Status.IsProblem())
        {
            return false;
        }
        // Ids never contain a comma (lowercase letters, digits, dashes), so a delimited search is exact.
        if (Services is { Length: > 0 } ids && !("," + ids + ",").Contains("," + service.Id + ",", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Category is { Length: > 0 } category && !string.Equals(service.Category, category, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Text?.Trim() is { Length: > 0 } text)
        {
            return service.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || service.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
                || service.Category.Contains(text, StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }
}

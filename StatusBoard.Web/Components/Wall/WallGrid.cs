namespace StatusBoard.Web.Components.Wall;

/// <summary>
/// Columns and rows that fit <c>count</c> tiles into an area without scrolling. Rows are always
/// <c>minmax(0, 1fr)</c> in CSS, so the grid fits any screen; the columns are chosen for a 16:9 wall so that
/// tiles come out about <see cref="TileAspect"/> times wider than tall.
/// </summary>
public readonly record struct WallGrid(int Columns, int Rows)
{
    public const double TileAspect = 2.6;

    public static WallGrid For(int count, double areaAspect)
    {
        if (count <= 0)
        {
            return new WallGrid(1, 1);
        }
        var columns = (int)Math.Ceiling(Math.Sqrt(count * areaAspect / TileAspect));
        columns = Math.Clamp(columns, 1, count);
        var rows = (int)Math.Ceiling(count / (double)columns);
        return new WallGrid(columns, rows);
    }

    /// <summary>The problem band at the top: at most six large tiles per row.</summary>
    public static WallGrid ForProblems(int count)
    {
        var columns = Math.Clamp(count <= 8 ? count : (int)Math.Ceiling(Math.Sqrt(count * 2.0)), 1, 8);
        return new WallGrid(columns, Math.Max(1, (int)Math.Ceiling(count / (double)columns)));
    }

    public string Style => $"--cols:{Columns};--rows:{Rows}";
}

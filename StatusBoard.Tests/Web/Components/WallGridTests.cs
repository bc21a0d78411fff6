using StatusBoard.Web.Components.Wall;

namespace StatusBoard.Tests.Web.Components;

public sealed class WallGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(162)]
    [InlineData(400)]
    public void Grid_HasACellForEveryTile_AndNoEmptyRow(int count)
    {
        var grid = WallGrid.For(count, 16.0 / 9.0);

        (grid.Columns * grid.Rows).Should().BeGreaterThanOrEqualTo(count);
        (grid.Columns * (grid.Rows - 1)).Should().BeLessThan(count);
    }

    [Fact]
    public void Grid_ForTheCatalogOnAWideWall_MakesWideTiles()
    {
        var grid = WallGrid.For(162, 16.0 / 9.0 / 0.72);

        // Tile aspect on a 1920x780 area: (1920 / columns) / (780 / rows).
        var aspect = 1920.0 / grid.Columns / (780.0 / grid.Rows);
        aspect.Should().BeInRange(1.8, 3.6);
    }
}

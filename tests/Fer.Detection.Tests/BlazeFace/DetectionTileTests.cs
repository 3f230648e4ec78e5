using Fer.Detection.BlazeFace;

namespace Fer.Detection.Tests;

public sealed class DetectionTileTests
{
    [Fact]
    public void Small_photos_and_zero_smallest_face_scan_only_the_whole_photo()
    {
        Assert.Equal([new DetectionTile(0, 0, 200)], DetectionTile.Cover(200, 150, 256, 0.06));
        Assert.Equal([new DetectionTile(0, 0, 4000)], DetectionTile.Cover(4000, 3000, 256, 0));
        Assert.Single(DetectionTile.Cover(48, 48, 256, 0.5));
    }

    [Theory]
    [InlineData(1920, 1080, 0.06)]
    [InlineData(1080, 1920, 0.06)]
    [InlineData(4000, 3000, 0.03)]
    [InlineData(1920, 1280, 0.04)]
    public void Tiles_stay_inside_the_photo_and_every_small_face_lies_whole_in_one(int width, int height, double smallestFace)
    {
        var tiles = DetectionTile.Cover(width, height, 256, smallestFace);
        var grid = tiles.Skip(1).ToList();
        Assert.NotEmpty(grid);
        var side = grid[0].Side;
        Assert.All(grid, t => Assert.True(t.Left >= 0 && t.Top >= 0 && t.Left + t.Side <= width + 0.01f && t.Top + t.Side <= height + 0.01f, t.ToString()));

        // Faces of the smallest size reach the network at >= 22 px.
        Assert.True(smallestFace * Math.Min(width, height) * 256 / side >= DetectionTile.SmallestReliableFace - 0.5);

        // Any face up to a quarter tile, anywhere, fits wholly inside some tile.
        var face = side / 4;
        for (var x = 0f; x + face <= width; x += face / 3)
        {
            for (var y = 0f; y + face <= height; y += face / 3)
            {
                Assert.Contains(grid, t => x >= t.Left && y >= t.Top && x + face <= t.Left + t.Side && y + face <= t.Top + t.Side);
            }
        }
    }

    [Theory]
    [InlineData(257, 389_000)]
    [InlineData(389_000, 257)]
    [InlineData(1000, 100_000)]
    public void Very_long_strips_get_at_most_the_tile_cap_with_larger_tiles(int width, int height)
    {
        var tiles = DetectionTile.Cover(width, height, 256, 0.06);
        Assert.InRange(tiles.Count, 1, DetectionTile.MaxTiles + 1);
        Assert.All(tiles.Skip(1), t => Assert.True(t.Side >= 256));
    }
}

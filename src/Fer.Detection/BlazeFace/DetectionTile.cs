namespace Fer.Detection.BlazeFace;

/// <summary>A square region of a photo that the network scans, in photo pixels; it may extend past the photo (padding).</summary>
internal readonly record struct DetectionTile(float Left, float Top, float Side)
{
    /// <summary>
    /// BlazeFace finds faces reliably down to about this many pixels of its input (recall by face size:
    /// docs/face-detection.md).
    /// </summary>
    internal const float SmallestReliableFace = 22f;

    /// <summary>
    /// The most tiles one photo gets besides the whole-photo pass. A 4K photo needs 8; a very long strip (say
    /// 257 x 389,000 pixels) would need thousands, so its tiles are made larger (finding only larger faces) instead.
    /// </summary>
    internal const int MaxTiles = 64;

    /// <summary>
    /// The whole photo (padded to a square), plus, when faces of <paramref name="smallestFace"/> × the shorter side
    /// would shrink below <see cref="SmallestReliableFace"/> input pixels, a grid of square tiles small enough for
    /// them, overlapping by at least a quarter of a tile so that every face the whole-photo pass cannot see appears
    /// whole in some tile.
    /// </summary>
    public static List<DetectionTile> Cover(int width, int height, int networkSize, double smallestFace)
    {
        var longer = Math.Max(width, height);
        var shorter = Math.Min(width, height);
        var tiles = new List<DetectionTile> { new(0, 0, longer) };
        if (smallestFace <= 0 || shorter <= networkSize)
        {
            return tiles;
        }

        var side = MathF.Round(Math.Clamp(networkSize * (float)smallestFace * shorter / SmallestReliableFace, networkSize, shorter));
        if (side >= longer * 0.9f)
        {
            return tiles;
        }

        var (columns, rows) = Grid(width, height, side);
        while ((long)columns * rows > MaxTiles)
        {
            side *= 1.25f;
            (columns, rows) = Grid(width, height, side);
        }

        if (side >= longer * 0.9f)
        {
            return tiles;
        }
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var left = columns == 1 ? 0 : column * (width - side) / (columns - 1);
                var top = rows == 1 ? 0 : row * (height - side) / (rows - 1);
                tiles.Add(new DetectionTile(left, top, side));
            }
        }

        return tiles;
    }

    /// <summary>Columns and rows of tiles of <paramref name="side"/> overlapping by a quarter across the photo.</summary>
    private static (int Columns, int Rows) Grid(int width, int height, float side)
    {
        var stride = side * 0.75f;
        return ((int)MathF.Ceiling(Math.Max(width - side, 0) / stride) + 1, (int)MathF.Ceiling(Math.Max(height - side, 0) / stride) + 1);
    }
}

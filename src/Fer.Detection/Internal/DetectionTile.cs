namespace Fer.Detection.Internal;

/// <summary>A square region of a photo that the network scans, in photo pixels; it may extend past the photo (padding).</summary>
internal readonly record struct DetectionTile(float Left, float Top, float Side)
{
    /// <summary>
    /// BlazeFace finds faces reliably down to about this many pixels of its input (measured: 91% recall at 22 px,
    /// 73% at 17 px; docs/face-detection.md).
    /// </summary>
    internal const float SmallestReliableFace = 22f;

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

        var stride = side * 0.75f;
        var columns = (int)MathF.Ceiling(Math.Max(width - side, 0) / stride) + 1;
        var rows = (int)MathF.Ceiling(Math.Max(height - side, 0) / stride) + 1;
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
}

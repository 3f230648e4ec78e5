namespace Fer.Detection.BlazeFace;

/// <summary>
/// BlazeFace's SSD anchor centres (MediaPipe's SsdAnchorsCalculator with fixed anchor size): a 16x16 grid with two
/// anchors per cell, then an 8x8 grid with six; 896 anchors in the networks' output order (row, column, anchor).
/// </summary>
internal static class BlazeFaceAnchors
{
    public static IReadOnlyList<(float X, float Y)> Fine { get; } = Grid(16, 2);

    public static IReadOnlyList<(float X, float Y)> Coarse { get; } = Grid(8, 6);

    private static (float X, float Y)[] Grid(int cells, int perCell)
    {
        var anchors = new (float, float)[cells * cells * perCell];
        var i = 0;
        for (var y = 0; y < cells; y++)
        {
            for (var x = 0; x < cells; x++)
            {
                for (var a = 0; a < perCell; a++)
                {
                    anchors[i++] = ((x + 0.5f) / cells, (y + 0.5f) / cells);
                }
            }
        }

        return anchors;
    }
}

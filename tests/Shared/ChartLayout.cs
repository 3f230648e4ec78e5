using SkiaSharp;

namespace Fer.Testing;

/// <summary>
/// Geometric checks of a rendered chart: where its text ink is, measured on the pixels. Text is drawn in black or
/// dark grey; the data (lines, cells) in saturated or light colours; so "text ink" is a dark, unsaturated pixel.
/// </summary>
internal static class ChartLayout
{
    /// <summary>Whether a pixel looks like text: dark (every channel below 100) and grey (channels within 40 of each other).</summary>
    public static bool IsTextInk(SKColor c)
        => c.Red < 100 && c.Green < 100 && c.Blue < 100 && Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 40;

    /// <summary>Whether a pixel is not (nearly) white background.</summary>
    public static bool IsInk(SKColor c) => c.Red < 235 || c.Green < 235 || c.Blue < 235;

    /// <summary>The text-ink pixels inside <paramref name="area"/>, clipped to the picture.</summary>
    public static int TextInk(SKBitmap bitmap, SKRect area) => Count(bitmap, area, IsTextInk);

    /// <summary>The pixels of any ink inside <paramref name="area"/>, clipped to the picture.</summary>
    public static int Ink(SKBitmap bitmap, SKRect area) => Count(bitmap, area, IsInk);

    /// <summary>
    /// <paramref name="area"/> shrunk by <paramref name="margin"/> pixels on every side: a data area without its frame
    /// (the axis lines and their anti-aliasing are drawn on its edges).
    /// </summary>
    public static SKRect Inside(SKRect area, float margin) => new(area.Left + margin, area.Top + margin, area.Right - margin, area.Bottom - margin);

    /// <summary>
    /// Checks one panel of a chart: its data area lies inside it, holds no text (no legend covers the data), and
    /// nothing is drawn on the panel's right and bottom 3 pixels (no legend entry or label runs off the picture).
    /// </summary>
    public static void AssertPanel(SKBitmap bitmap, SKRectI panel, SKRect data, string name)
    {
        Xunit.Assert.True(panel.Contains(SKRectI.Ceiling(data)), $"{name}: data area {data} outside its panel {panel}");
        Xunit.Assert.Equal(0, TextInk(bitmap, Inside(data, 3)));
        Xunit.Assert.Equal(0, Ink(bitmap, new SKRect(panel.Right - 3, panel.Top, panel.Right, panel.Bottom)));
        Xunit.Assert.Equal(0, Ink(bitmap, new SKRect(panel.Left, panel.Bottom - 3, panel.Right, panel.Bottom)));
    }

    /// <summary>The pixels inside <paramref name="area"/>, clipped to the picture, for which <paramref name="test"/> holds.</summary>
    public static int Count(SKBitmap bitmap, SKRect area, Func<SKColor, bool> test)
    {
        var left = Math.Max(0, (int)Math.Ceiling(area.Left));
        var top = Math.Max(0, (int)Math.Ceiling(area.Top));
        var right = Math.Min(bitmap.Width, (int)Math.Floor(area.Right));
        var bottom = Math.Min(bitmap.Height, (int)Math.Floor(area.Bottom));
        var count = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                if (test(bitmap.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }
}

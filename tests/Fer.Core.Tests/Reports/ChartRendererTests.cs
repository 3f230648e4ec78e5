using SkiaSharp;

namespace Fer.Core.Tests;

public sealed class ChartRendererTests
{
    private static readonly string[] Classes = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    [Fact]
    public void The_confusion_matrix_has_its_title_labels_and_cell_colours()
    {
        var counts = new long[7, 7];
        for (var i = 0; i < 7; i++)
        {
            counts[i, i] = 40;
            counts[i, (i + 1) % 7] = 10;
        }

        var png = ChartRenderer.ConfusionMatrix(new ConfusionMatrix(Classes, counts), normalized: true, "Confusion matrix");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((640, 620), (bitmap.Width, bitmap.Height));
        // Text is drawn: dark pixels in the title band above the cells (ScottPlot draws no text without a font).
        Assert.True(DarkPixels(bitmap, SKRectI.Create(0, 0, bitmap.Width, 40)) > 50, "no title text");
        Assert.True(DarkPixels(bitmap, SKRectI.Create(0, 60, 60, 480)) > 50, "no class names on the left");
        // The diagonal (80%) is darker than an empty cell.
        Assert.True(Luminance(CellCentre(bitmap, 0, 0)) < Luminance(CellCentre(bitmap, 0, 3)) - 60);
    }

    [Fact]
    public void Training_curves_have_a_panel_per_metric_with_text_and_lines()
    {
        var history = new History();
        for (var epoch = 1; epoch <= 5; epoch++)
        {
            history.Add(new EpochLogs(epoch, new Dictionary<string, double>
            {
                ["loss"] = 2.0 / epoch, ["val_loss"] = 2.2 / epoch, ["accuracy"] = 0.3 + (epoch * 0.1), ["val_accuracy"] = epoch == 3 ? double.NaN : 0.25 + (epoch * 0.1),
            }, 0.01, TimeSpan.FromSeconds(1)));
        }

        var png = ChartRenderer.TrainingCurves(history).Png;
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((920, 320), (bitmap.Width, bitmap.Height));
        foreach (var left in new[] { 0, 460 })
        {
            Assert.True(DarkPixels(bitmap, SKRectI.Create(left, 0, 460, 35)) > 30, $"no title in the panel at x={left}");
            Assert.True(ColouredPixels(bitmap, SKRectI.Create(left + 60, 40, 380, 220)) > 200, $"no lines in the panel at x={left}");
        }
    }

    private static SKColor CellCentre(SKBitmap bitmap, int row, int column)
    {
        // The heat map fills the data area; find it as the bounding box of the non-white, non-grey pixels.
        var (left, top, right, bottom) = (bitmap.Width, bitmap.Height, 0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Blue > p.Red + 20)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }
            }
        }

        var cell = (right - left) / 7.0;
        return bitmap.GetPixel((int)(left + ((column + 0.25) * cell)), (int)(top + ((row + 0.25) * cell)));
    }

    private static double Luminance(SKColor c) => (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);

    private static int DarkPixels(SKBitmap bitmap, SKRectI area) => Count(bitmap, area, p => Luminance(p) < 100);

    private static int ColouredPixels(SKBitmap bitmap, SKRectI area) => Count(bitmap, area, p => Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > 60);

    private static int Count(SKBitmap bitmap, SKRectI area, Func<SKColor, bool> match)
    {
        var count = 0;
        for (var y = area.Top; y < Math.Min(area.Bottom, bitmap.Height); y++)
        {
            for (var x = area.Left; x < Math.Min(area.Right, bitmap.Width); x++)
            {
                count += match(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }
}

using System.Globalization;
using Fer.Internal;
using SkiaSharp;

namespace Fer.Core;

/// <summary>Draws the report pictures with SkiaSharp: a confusion-matrix heat map and training curves.</summary>
internal static class ChartRenderer
{
    private static readonly SKColor[] LineColors = [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40)];

    public static byte[] ConfusionMatrix(ConfusionMatrix matrix, bool normalized, string title)
    {
        var names = matrix.ClassNames;
        var k = names.Count;
        const int cell = 70, left = 110, top = 60, bottom = 100;
        var width = left + (k * cell) + 30;
        var height = top + (k * cell) + bottom;
        var counts = matrix.ToArray();
        var rates = matrix.RowNormalized();
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = ChartFonts.Create(13);
        using var titleFont = ChartFonts.Create(16);
        canvas.DrawText(title, width / 2f, 30, SKTextAlign.Center, titleFont, text);
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                var rate = rates[r][c];
                using var fill = new SKPaint { Color = Blend(rate), Style = SKPaintStyle.Fill };
                var rect = SKRect.Create(left + (c * cell), top + (r * cell), cell, cell);
                canvas.DrawRect(rect, fill);
                var label = normalized ? rate.ToString("0.00", CultureInfo.InvariantCulture) : counts[r][c].ToString(CultureInfo.InvariantCulture);
                using var cellText = new SKPaint { Color = rate > 0.5 ? SKColors.White : SKColors.Black, IsAntialias = true };
                canvas.DrawText(label, rect.MidX, rect.MidY + 5, SKTextAlign.Center, font, cellText);
            }

            canvas.DrawText(names[r], left - 8, top + (r * cell) + (cell / 2f) + 5, SKTextAlign.Right, font, text);
            canvas.Save();
            canvas.RotateDegrees(-40, left + (r * cell) + (cell / 2f), top + (k * cell) + 14);
            canvas.DrawText(names[r], left + (r * cell) + (cell / 2f), top + (k * cell) + 14, SKTextAlign.Right, font, text);
            canvas.Restore();
        }

        canvas.DrawText("predicted", left + (k * cell / 2f), height - 12, SKTextAlign.Center, font, text);
        canvas.Save();
        canvas.RotateDegrees(-90, 16, top + (k * cell / 2f));
        canvas.DrawText("true", 16, top + (k * cell / 2f), SKTextAlign.Center, font, text);
        canvas.Restore();
        return Encode(surface);
    }

    public static byte[] TrainingCurves(History history)
    {
        const int panelWidth = 460, panelHeight = 320, margin = 60;
        var metrics = new[] { "loss", history.Keys.Contains("accuracy") ? "accuracy" : history.Keys.FirstOrDefault(k => !k.StartsWith("val_", StringComparison.Ordinal) && k != "loss") }
            .Where(m => m is not null).Cast<string>().ToArray();
        using var surface = SKSurface.Create(new SKImageInfo(metrics.Length * panelWidth, panelHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        for (var p = 0; p < metrics.Length; p++)
        {
            var series = new[] { metrics[p], "val_" + metrics[p] }.Where(history.Keys.Contains).ToArray();
            DrawPanel(canvas, SKRect.Create((p * panelWidth) + margin, 40, panelWidth - margin - 20, panelHeight - 90), metrics[p], series.Select(s => (s, history[s])).ToArray());
        }

        return Encode(surface);
    }

    private static void DrawPanel(SKCanvas canvas, SKRect area, string title, (string Name, IReadOnlyList<double> Values)[] series)
    {
        using var axis = new SKPaint { Color = SKColors.Black, IsAntialias = true, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = ChartFonts.Create(12);
        using var titleFont = ChartFonts.Create(15);
        var values = series.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        var (min, max) = values.Length == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (max - min < 1e-9)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        var epochs = series.Max(s => s.Values.Count);
        float X(int epoch) => area.Left + (epochs <= 1 ? area.Width / 2 : (epoch - 1) * area.Width / (epochs - 1));
        float Y(double v) => area.Bottom - (float)((v - min) / (max - min) * area.Height);
        canvas.DrawText(title, area.MidX, area.Top - 14, SKTextAlign.Center, titleFont, text);
        for (var t = 0; t <= 4; t++)
        {
            var v = min + ((max - min) * t / 4);
            canvas.DrawLine(area.Left, Y(v), area.Right, Y(v), grid);
            canvas.DrawText(v.ToString("0.###", CultureInfo.InvariantCulture), area.Left - 6, Y(v) + 4, SKTextAlign.Right, font, text);
        }

        canvas.DrawRect(area, axis);
        foreach (var epoch in new[] { 1, (epochs + 1) / 2, epochs }.Distinct())
        {
            canvas.DrawText(epoch.ToString(CultureInfo.InvariantCulture), X(epoch), area.Bottom + 16, SKTextAlign.Center, font, text);
        }

        canvas.DrawText("epoch", area.MidX, area.Bottom + 32, SKTextAlign.Center, font, text);
        for (var s = 0; s < series.Length; s++)
        {
            using var line = new SKPaint { Color = LineColors[s % LineColors.Length], IsAntialias = true, StrokeWidth = 2, Style = SKPaintStyle.Stroke };
            var points = series[s].Values.Select((v, i) => (v, i)).Where(t => double.IsFinite(t.v)).Select(t => new SKPoint(X(t.i + 1), Y(t.v))).ToArray();
            for (var i = 1; i < points.Length; i++)
            {
                canvas.DrawLine(points[i - 1], points[i], line);
            }

            if (points.Length == 1)
            {
                canvas.DrawCircle(points[0], 3, line);
            }
            using var legend = new SKPaint { Color = line.Color, IsAntialias = true };
            canvas.DrawText(series[s].Name, area.Right - 8, area.Top + 16 + (s * 16), SKTextAlign.Right, font, legend);
        }
    }

    private static SKColor Blend(double rate)
    {
        var t = Math.Clamp(rate, 0, 1);
        return new SKColor((byte)(247 - (t * 239)), (byte)(251 - (t * 203)), (byte)(255 - (t * 148)));
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

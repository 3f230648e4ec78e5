using System.Globalization;
using Fer.Core;
using Fer.Internal;
using SkiaSharp;

namespace Fer.Media;

/// <summary>
/// Draws a video timeline: one panel per track (most frames first, at most 12), time on the horizontal axis, each
/// class's smoothed probability as a coloured line, with a legend. Drawn with SkiaSharp and the library's fonts
/// (ScottPlot 5.1 was tried: built on SkiaSharp 3.119, it drew no text with the SkiaSharp 4 that Fer uses).
/// </summary>
internal static class TimelineChart
{
    private const int Width = 1000;
    private const int PanelHeight = 170;
    private const int Left = 60;
    private const int Right = 150;
    private const int MaxPanels = 12;

    private static readonly SKColor[] Palette =
    [
        new(0xFF, 0x41, 0x36), new(0x8B, 0x5A, 0x2B), new(0xB1, 0x0D, 0xC9), new(0x2E, 0xCC, 0x40),
        new(0x00, 0x74, 0xD9), new(0xFF, 0xB7, 0x00), new(0x80, 0x80, 0x80), new(0x39, 0xCC, 0xCC),
    ];

    public static void Save(VideoTimeline timeline, string path)
    {
        var tracks = timeline.Tracks.OrderByDescending(t => t.Frames).ThenBy(t => t.TrackId).Take(MaxPanels).ToList();
        var end = timeline.Frames.Count == 0 ? 1 : Math.Max(timeline.Frames[^1].Timestamp.TotalSeconds, 1e-3);
        var height = 40 + (Math.Max(1, tracks.Count) * PanelHeight);
        using var bitmap = new SKBitmap(Width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var title = ChartFonts.Create(16);
            using var font = ChartFonts.Create(12);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"Emotions over time ({timeline.Frames.Count} frames, {timeline.Tracks.Count} tracks; smoothed)"), Left, 26, SKTextAlign.Left, title, ink);
            if (tracks.Count == 0)
            {
                canvas.DrawText("No face was found.", Left, 40 + (PanelHeight / 2), SKTextAlign.Left, font, ink);
            }

            for (var i = 0; i < tracks.Count; i++)
            {
                DrawPanel(canvas, timeline, tracks[i], 40 + (i * PanelHeight), end, font, ink);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, stream => data.SaveTo(stream));
    }

    private static void DrawPanel(SKCanvas canvas, VideoTimeline timeline, TrackSummary track, float top, double end, SKFont font, SKPaint ink)
    {
        var (plotTop, plotBottom) = (top + 22, top + PanelHeight - 28);
        var (plotLeft, plotRight) = ((float)Left, (float)(Width - Right));
        using var axis = new SKPaint { Color = new SKColor(0x99, 0x99, 0x99), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, axis);
        canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"track {track.TrackId}: {track.Emotion} over {track.Frames} frames"), plotLeft, top + 16, SKTextAlign.Left, font, ink);
        canvas.DrawText("1", plotLeft - 8, plotTop + 4, SKTextAlign.Right, font, ink);
        canvas.DrawText("0", plotLeft - 8, plotBottom + 4, SKTextAlign.Right, font, ink);
        canvas.DrawText("0 s", plotLeft, plotBottom + 16, SKTextAlign.Left, font, ink);
        canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{end:0.#} s"), plotRight, plotBottom + 16, SKTextAlign.Right, font, ink);

        var points = timeline.Frames
            .SelectMany(f => f.Faces.Where(face => face.TrackId == track.TrackId).Select(face => (Time: f.Timestamp.TotalSeconds, face.Smoothed)))
            .ToList();
        for (var c = 0; c < timeline.ClassNames.Count; c++)
        {
            var color = Palette[c % Palette.Length];
            using var line = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
            var linePoints = points
                .Select(p => new SKPoint(
                    plotLeft + (float)(p.Time / end * (plotRight - plotLeft)),
                    plotBottom - (p.Smoothed.Probabilities[timeline.ClassNames[c]] * (plotBottom - plotTop))))
                .ToArray();
            if (linePoints.Length == 1)
            {
                linePoints = [linePoints[0], new SKPoint(linePoints[0].X + 2, linePoints[0].Y)];
            }

            canvas.DrawPoints(SKPointMode.Polygon, linePoints, line);
            var legendY = plotTop + 4 + (c * 14);
            using var swatch = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            canvas.DrawRect(plotRight + 12, legendY - 8, 10, 10, swatch);
            canvas.DrawText(timeline.ClassNames[c], plotRight + 28, legendY + 1, SKTextAlign.Left, font, ink);
        }
    }
}

using System.Globalization;
using Fer.Imaging;
using Fer.Internal;
using ScottPlot;
using SkiaSharp;

namespace Fer.Media;

/// <summary>
/// Draws a video timeline: one ScottPlot panel per track (most frames first, at most 12), time on the horizontal axis,
/// each class's smoothed probability as a coloured line, with a legend; a title line above the panels.
/// </summary>
internal static class TimelineChart
{
    private const int Width = 1000;
    private const int PanelHeight = 230;
    private const int Header = 40;
    private const int MaxPanels = 12;

    /// <summary>The line colour of each class, in class order (repeating past eight classes).</summary>
    internal static readonly Color[] Palette =
    [
        new(0xFF, 0x41, 0x36), new(0x8B, 0x5A, 0x2B), new(0xB1, 0x0D, 0xC9), new(0x2E, 0xCC, 0x40),
        new(0x00, 0x74, 0xD9), new(0xFF, 0xB7, 0x00), new(0x80, 0x80, 0x80), new(0x39, 0xCC, 0xCC),
    ];

    public static void Save(VideoTimeline timeline, string path)
    {
        var png = Render(timeline).Png;
        AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>A panel per track (the longest first, at most 12), each class's smoothed probability over time, legends beside the data.</summary>
    internal static ChartPicture Render(VideoTimeline timeline)
    {
        var tracks = timeline.Tracks.OrderByDescending(t => t.Frames).ThenBy(t => t.TrackId).Take(MaxPanels).ToList();
        var end = timeline.Frames.Count == 0 ? 1 : Math.Max(timeline.Frames[^1].Timestamp.TotalSeconds, 1e-3);
        var height = Header + (Math.Max(1, tracks.Count) * PanelHeight);
        var plots = tracks.Count == 0 ? [Frame("No face was found.", end)] : tracks.Select(track => Panel(timeline, track, end)).ToList();
        return ChartStyle.Compose(Width, height, Width, PanelHeight, plots.Select((plot, i) => (plot, 0, Header + (i * PanelHeight))).ToList(), canvas =>
        {
            using var title = PictureFont.CreateFont(16);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"Emotions over time ({timeline.Frames.Count} frames, {timeline.Tracks.Count} tracks; smoothed)"), 60, 26, SKTextAlign.Left, title, ink);
        });
    }

    private static Plot Panel(VideoTimeline timeline, TrackSummary track, double end)
    {
        var plot = Frame(string.Create(CultureInfo.InvariantCulture, $"track {track.TrackId}: {track.Emotion} over {track.Frames} frames"), end);
        var points = timeline.Frames
            .SelectMany(f => f.Faces.Where(face => face.TrackId == track.TrackId).Select(face => (Time: f.Timestamp.TotalSeconds, face.Smoothed)))
            .ToList();
        var times = points.Select(p => p.Time).ToArray();
        for (var c = 0; c < timeline.ClassNames.Count; c++)
        {
            var name = timeline.ClassNames[c];
            var line = plot.Add.Scatter(times, points.Select(p => (double)p.Smoothed.Probabilities[name]).ToArray(), Palette[c % Palette.Length]);
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = points.Count == 1 ? 5 : 0;
        }

        // The legend in one row below the axis, outside the data: beside it, eight classes wrap into two columns
        // that ScottPlot's legend panel measures as one, and the last names were cut off at the picture's edge.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    /// <summary>A panel's axes: 0–1 probability over 0–<paramref name="end"/> seconds, titled.</summary>
    private static Plot Frame(string title, double end)
    {
        var plot = ChartStyle.Apply(new Plot());
        plot.Title(title, size: 12);
        plot.Axes.SetLimits(0, end, 0, 1);
        plot.XLabel("time (s)", size: 11);
        return plot;
    }
}

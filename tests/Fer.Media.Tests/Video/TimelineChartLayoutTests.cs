using SkiaSharp;

namespace Fer.Media.Tests;

/// <summary>The video timeline's legends sit beside the data, inside the picture, with every class name whole.</summary>
public sealed class TimelineChartLayoutTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void Legends_are_outside_the_data_and_inside_the_picture(int classes)
    {
        var names = classes == 8 ? ClassNames.FerPlus : ClassNames.Fer2013;
        var timeline = new VideoTimeline(names);
        for (var frame = 0; frame < 50; frame++)
        {
            var faces = new List<TrackedFace>();
            for (var track = 1; track <= 3; track++)
            {
                // Each track drifts from its first class to its last, so that lines end high at the right edge.
                var probabilities = new float[names.Count];
                var t = frame / 49f;
                probabilities[track % names.Count] = 1 - t;
                probabilities[names.Count - 1] = t;
                var box = new FaceBox(40 + (track * 120), 60, 80, 80);
                var prediction = new EmotionPrediction(names, probabilities);
                faces.Add(new TrackedFace(track, new FaceEmotion(new DetectedFace(box, 0.9f), box, prediction), prediction));
            }

            timeline.Add(new VideoFrameResult(frame, TimeSpan.FromSeconds(frame / 10.0), 640, 360, faces));
        }

        var picture = TimelineChart.Render(timeline);
        using var bitmap = SKBitmap.Decode(picture.Png);
        Assert.Equal(3, picture.DataAreas.Count);
        for (var i = 0; i < picture.Panels.Count; i++)
        {
            var panel = picture.Panels[i];
            var data = picture.DataAreas[i];
            ChartLayout.AssertPanel(bitmap, panel, data, $"panel {i}");

            // Every class has its legend entry outside the data area: a swatch in its colour below the axis.
            var below = new SKRect(panel.Left, data.Bottom + 30, panel.Right, panel.Bottom);
            for (var c = 0; c < names.Count; c++)
            {
                var colour = TimelineChart.Palette[c];
                Assert.True(ChartLayout.Count(bitmap, below, p => p.Red == colour.R && p.Green == colour.G && p.Blue == colour.B) >= 10, $"panel {i}: no legend entry for {names[c]}");
            }

            // Nothing on the panel's left edge either: the centred legend row fits the width.
            Assert.Equal(0, ChartLayout.Ink(bitmap, new SKRect(panel.Left, panel.Top, panel.Left + 3, panel.Bottom)));
        }
    }
}

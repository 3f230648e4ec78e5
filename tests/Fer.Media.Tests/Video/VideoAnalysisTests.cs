using Fer.Detection;
using Fer.Onnx;
using SkiaSharp;

namespace Fer.Media.Tests;

/// <summary>A video made from a group photo with the camera moving: every face is found, tracked with a stable id, and written out.</summary>
public sealed class VideoAnalysisTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-video-");

    public void Dispose() => _folder.Delete(recursive: true);

    [SkippableFact]
    public void Three_moving_faces_keep_three_track_ids_and_the_timeline_is_written()
    {
        var video = TestVideos.PanAndZoom(_folder.FullName);
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();
        var annotated = Path.Combine(_folder.FullName, "out", "annotated.mp4");
        var progress = new List<VideoProgress>();
        var timeline = new VideoTimeline(classifier.ClassNames);

        foreach (var frame in classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { FramesPerSecond = 5, AnnotatedVideoPath = annotated }, new SynchronousProgress<VideoProgress>(progress.Add)))
        {
            timeline.Add(frame);
        }

        // 4 s at 5 frames per second, timestamps 0, 0.2, 0.4, ….
        Assert.InRange(timeline.Frames.Count, 19, 21);
        Assert.Equal(TimeSpan.FromSeconds(0.4), timeline.Frames[2].Timestamp);
        Assert.All(timeline.Frames, f => Assert.Equal((800, 532), (f.Width, f.Height)));
        Assert.True(timeline.Frames.Count(f => f.Faces.Count == 3) >= 0.9 * timeline.Frames.Count, "three faces in most frames");

        // Three people, three tracks, each present in (nearly) every frame: the ids do not change as faces move.
        Assert.Equal([1, 2, 3], timeline.Tracks.Select(t => t.TrackId));
        Assert.All(timeline.Tracks, t => Assert.True(t.Frames >= 0.9 * timeline.Frames.Count, $"track {t.TrackId} is in {t.Frames} frames"));
        foreach (var frame in timeline.Frames)
        {
            Assert.Equal(frame.Faces.Count, frame.Faces.Select(f => f.TrackId).Distinct().Count());
        }

        // Left to right, the tracks stay in their order across the whole video.
        foreach (var frame in timeline.Frames.Where(f => f.Faces.Count == 3))
        {
            Assert.Equal(frame.Faces.OrderBy(f => f.Face.Face.Box.X).Select(f => f.TrackId), timeline.Frames[0].Faces.OrderBy(f => f.Face.Face.Box.X).Select(f => f.TrackId));
        }

        Assert.Equal(timeline.Frames.Count, progress.Count);
        Assert.Equal(timeline.Frames.Count, TestVideos.CountFrames(annotated));
        Assert.False(File.Exists(annotated + ".partial.mp4"));

        var csv = Path.Combine(_folder.FullName, "out", "timeline.csv");
        var json = Path.Combine(_folder.FullName, "out", "timeline.json");
        var chart = Path.Combine(_folder.FullName, "out", "timeline.png");
        timeline.SaveCsv(csv);
        timeline.SaveJson(json);
        timeline.SaveChartPng(chart);
        var rows = File.ReadAllLines(csv);
        Assert.StartsWith("frame,time_s,track,x,y,width,height,face_confidence,emotion,confidence,smoothed_emotion,smoothed_confidence,p_angry", rows[0]);
        Assert.Equal(timeline.Frames.Sum(f => f.Faces.Count) + 1, rows.Length);
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            Assert.Equal(3, document.RootElement.GetProperty("tracks").GetArrayLength());
            Assert.Equal(timeline.Frames.Count, document.RootElement.GetProperty("frames").GetArrayLength());
        }

        using var png = SKBitmap.Decode(chart);
        Assert.Equal(1000, png.Width);
        Assert.True(png.Height >= 40 + (3 * 170));
        for (var panel = 0; panel < 3; panel++)
        {
            // Each panel has its title text (dark) and class lines (coloured): ScottPlot draws no text without a font.
            var top = 40 + (panel * 170);
            var (dark, coloured) = (0, 0);
            for (var y = top; y < top + 30; y++)
            {
                for (var x = 0; x < png.Width; x++)
                {
                    var p = png.GetPixel(x, y);
                    dark += p.Red + p.Green + p.Blue < 200 ? 1 : 0;
                }
            }

            for (var y = top + 30; y < top + 140; y++)
            {
                for (var x = 60; x < 850; x++)
                {
                    var p = png.GetPixel(x, y);
                    coloured += Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > 80 ? 1 : 0;
                }
            }

            Assert.True(dark > 30, $"panel {panel} has no title text");
            Assert.True(coloured > 200, $"panel {panel} has no lines");
        }
    }

    [SkippableFact]
    public void Smoothing_follows_the_moving_average_of_each_track()
    {
        var video = TestVideos.PanAndZoom(_folder.FullName);
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();

        var frames = classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { FramesPerSecond = 2, Smoothing = 0.5 }).ToList();

        var previous = new Dictionary<int, float>();
        foreach (var face in frames.SelectMany(f => f.Faces))
        {
            var raw = face.Face.Emotion.Probabilities["happy"];
            var expected = previous.TryGetValue(face.TrackId, out var before) ? (0.5f * raw) + (0.5f * before) : raw;
            Assert.Equal(expected, face.Smoothed.Probabilities["happy"], 4);
            previous[face.TrackId] = face.Smoothed.Probabilities["happy"];
        }
    }

    [SkippableFact]
    public void Cancelling_stops_the_analysis_and_leaves_no_partial_annotated_video()
    {
        var video = TestVideos.PanAndZoom(_folder.FullName);
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();
        using var cancellation = new CancellationTokenSource();
        var annotated = Path.Combine(_folder.FullName, "cancelled.mp4");
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { AnnotatedVideoPath = annotated }, cancellationToken: cancellation.Token))
            {
                if (++seen == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(2, seen);
        Assert.False(File.Exists(annotated));
        Assert.False(File.Exists(annotated + ".partial.mp4"));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

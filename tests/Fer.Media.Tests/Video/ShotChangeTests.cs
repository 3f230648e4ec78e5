using Fer.Detection;
using Fer.Onnx;

namespace Fer.Media.Tests;

/// <summary>A track id stands for one person: none continues across a hard cut from one group photo to another.</summary>
public sealed class ShotChangeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-video-cut-");

    public void Dispose() => _folder.Delete(recursive: true);

    [SkippableFact]
    public void No_track_id_continues_across_a_hard_cut()
    {
        var video = TestVideos.HardCut(_folder.FullName);
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();

        var frames = classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { FramesPerSecond = 5 }).ToList();

        var before = frames.Where(f => f.Timestamp < TimeSpan.FromSeconds(3)).SelectMany(f => f.Faces).Select(f => f.TrackId).ToHashSet();
        var after = frames.Where(f => f.Timestamp >= TimeSpan.FromSeconds(3)).SelectMany(f => f.Faces).Select(f => f.TrackId).ToHashSet();
        Assert.Empty(before.Intersect(after));

        // Five people before the cut and three after, each with one id that lasts through its shot.
        Assert.Equal(5, before.Count);
        Assert.Equal(3, after.Count);
    }

    [SkippableFact]
    public void A_still_shot_keeps_its_ids_and_a_cut_back_starts_new_ones()
    {
        var video = TestVideos.HardCut(_folder.FullName);
        var again = Path.Combine(_folder.FullName, "cut-twice.mp4");
        TestVideos.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", video, "-i", video, "-filter_complex", "[0][1]concat=n=2:v=1[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", again);
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();

        var frames = classifier.AnalyzeVideo(again, detector, new VideoAnalysisOptions { FramesPerSecond = 5 }).ToList();

        // Four shots (group5, group3, group5, group3): 5 + 3 + 5 + 3 ids, none shared between shots.
        var shots = frames.GroupBy(f => (int)(f.Timestamp.TotalSeconds / 3)).Select(g => g.SelectMany(f => f.Faces).Select(f => f.TrackId).ToHashSet()).ToList();
        Assert.Equal([5, 3, 5, 3], shots.Select(s => s.Count));
        Assert.Equal(16, shots.SelectMany(s => s).Distinct().Count());
    }
}

using System.Diagnostics;
using Fer.Detection;
using Fer.Media;
using Fer.Onnx;

namespace Fer.Benchmarks;

/// <summary>
/// Video and photo-collection throughput on 1080p material made from the tests' group photos: a 20-second 1920x1080
/// H.264 video (zoom and pan, so faces move) analysed at 5 frames per second, and a folder of 1920x1080 JPEG photos,
/// both with the default ONNX classifier and BlazeFace. Needs ffmpeg.
/// </summary>
internal static class MediaBenchmark
{
    public static IEnumerable<(string What, string Value, string Target)> Run(string photosFolder)
    {
        var work = Directory.CreateTempSubdirectory("fer-media-bench-");
        try
        {
            var video = Path.Combine(work.FullName, "1080p.mp4");
            Ffmpeg("-nostdin", "-v", "error", "-y", "-loop", "1", "-i", Path.Combine(photosFolder, "group5.jpg"),
                "-vf", "scale=3840:-2,zoompan=z='1+0.0005*on':x='iw/2-(iw/zoom/2)+on':y='ih/2-(ih/zoom/2)':d=1:s=1920x1080:fps=30",
                "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", video);
            var photos = Directory.CreateDirectory(Path.Combine(work.FullName, "photos")).FullName;
            var sources = Directory.GetFiles(photosFolder, "group*.jpg").Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < 24; i++)
            {
                Ffmpeg("-nostdin", "-v", "error", "-y", "-i", sources[i % sources.Count], "-vf", "scale=1920:1080", "-q:v", "3", Path.Combine(photos, $"photo{i:00}.jpg"));
            }

            using var classifier = OnnxEmotionClassifier.LoadDefault();
            using var detector = new BlazeFaceDetector();
            var warmUp = classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { FramesPerSecond = 1 }).Take(3).Count();
            var clock = Stopwatch.StartNew();
            var frames = classifier.AnalyzeVideo(video, detector, new VideoAnalysisOptions { FramesPerSecond = 5 }).ToList();
            var seconds = clock.Elapsed.TotalSeconds;
            var faces = frames.Sum(f => f.Faces.Count);
            yield return ("Video, 1920x1080 H.264, 20 s sampled at 5 fps (100 frames; decode, detect, classify, track), 2 cores",
                $"{frames.Count / seconds:0.0} frames/s ({20 / seconds:0.00}× real time; {faces} faces)", "-");

            var paths = PhotoPipeline.Find(photos);
            warmUp += classifier.PredictPhotos(paths.Take(4), detector).Count();
            clock.Restart();
            var results = classifier.PredictPhotos(paths, detector).ToList();
            seconds = clock.Elapsed.TotalSeconds;
            yield return ($"Photo folder, {paths.Count} JPEG photos of 1920x1080 (decode, detect, classify), 2 cores",
                $"{paths.Count / seconds:0.0} photos/s ({PhotoPipeline.Summarize(results)}; after {warmUp} warm-up items)", "-");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Ffmpeg(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + error);
        }
    }
}

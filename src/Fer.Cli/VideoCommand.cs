using System.CommandLine;
using Fer.Detection;
using Fer.Media;

namespace Fer.Cli;

/// <summary><c>fer video clip.mp4 --fps 5 --out dir</c>: the emotion timeline of every face of a video (FFmpeg).</summary>
internal static class VideoCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var video = new Argument<FileInfo>("video") { Description = "A video file FFmpeg reads (MP4, MOV, MKV, WebM, AVI, …)." };
        var fps = new Option<double>("--fps") { Description = "Frames analysed per second of video.", DefaultValueFactory = _ => 5 };
        var outputDirectory = new Option<DirectoryInfo>("--out", "-o") { Description = "Writes timeline.csv, timeline.json and timeline.png here.", Required = true };
        var annotate = new Option<bool>("--annotate") { Description = "Also write annotated.mp4: the sampled frames with every face boxed, its track id and smoothed emotion." };
        var smoothing = new Option<double>("--smoothing") { Description = "Weight of the newest frame in each track's moving average, in (0, 1]; 1 turns smoothing off.", DefaultValueFactory = _ => 0.4 };
        var model = FerCommands.ModelOption();
        var onnx = FerCommands.OnnxOption();
        var command = new Command("video", "Find, track and classify every face of a video: per-frame CSV/JSON timelines and a chart per track.")
        {
            video, fps, outputDirectory, annotate, smoothing, model, onnx,
        };
        command.SetAction(parsed =>
        {
            var directory = parsed.GetValue(outputDirectory)!;
            directory.Create();
            var options = new VideoAnalysisOptions
            {
                FramesPerSecond = parsed.GetValue(fps),
                Smoothing = parsed.GetValue(smoothing),
                AnnotatedVideoPath = parsed.GetValue(annotate) ? Path.Combine(directory.FullName, "annotated.mp4") : null,
            };
            using var classifier = FerCommands.OpenPredictor(parsed.GetValue(model), parsed.GetValue(onnx), tta: false);
            using var detector = new BlazeFaceDetector();
            var source = parsed.GetValue(video)!;
            var timeline = new VideoTimeline(classifier.ClassNames);
            WorkProgressDisplay.Run(error, source.Name, 1, report =>
            {
                var progress = new Progress<VideoProgress>(p => report(
                    p.Duration is { } d && d > TimeSpan.Zero ? p.Position / d : 0,
                    FormattableString.Invariant($"{source.Name}: frame {p.Frames}, {p.Position.TotalSeconds:0.0} s")));
                foreach (var frame in classifier.AnalyzeVideo(source.FullName, detector, options, progress, cancellationToken))
                {
                    timeline.Add(frame);
                }

                return 0;
            });
            timeline.SaveCsv(Path.Combine(directory.FullName, "timeline.csv"));
            timeline.SaveJson(Path.Combine(directory.FullName, "timeline.json"));
            timeline.SaveChartPng(Path.Combine(directory.FullName, "timeline.png"));
            output.WriteLine(FormattableString.Invariant($"{source.Name}: {timeline.Frames.Count} frames at {options.FramesPerSecond:0.##} fps, {timeline.Tracks.Count} face tracks"));
            foreach (var track in timeline.Tracks)
            {
                output.WriteLine(FormattableString.Invariant($"  track {track.TrackId}: {track.Emotion} from {track.FirstSeen.TotalSeconds:0.0} s to {track.LastSeen.TotalSeconds:0.0} s ({track.Frames} frames)"));
            }

            error.WriteLine($"Timeline written to {directory.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}

using Fer.Internal;

namespace Fer.Media;

/// <summary>Emotion timelines of video files: every sampled frame's faces, tracked across frames and smoothed.</summary>
/// <example>
/// <code>
/// using var classifier = OnnxEmotionClassifier.LoadDefault();   // or EmotionClassifier.LoadDefault()
/// using var detector = new BlazeFaceDetector();
/// var timeline = new VideoTimeline(classifier.ClassNames);
/// foreach (VideoFrameResult frame in classifier.AnalyzeVideo("clip.mp4", detector, new VideoAnalysisOptions { FramesPerSecond = 5 }))
///     timeline.Add(frame);
/// timeline.SaveCsv("timeline.csv");
/// timeline.SaveChartPng("timeline.png");
/// </code>
/// </example>
public static class VideoAnalysis
{
    /// <summary>
    /// Decodes the video with FFmpeg at <see cref="VideoAnalysisOptions.FramesPerSecond"/>, finds every face of each
    /// sampled frame, predicts its emotion, and gives each face a track id that stays with the same person across
    /// frames, with the track's probabilities smoothed over time; no id continues across a hard cut (shot change). Results stream frame by frame as the video decodes
    /// (enumerate them; nothing runs before). Memory holds one frame at a time.
    /// </summary>
    /// <param name="classifier">The classifier (Fer.Core's <c>EmotionClassifier</c> or Fer.Onnx's <c>OnnxEmotionClassifier</c>).</param>
    /// <param name="videoPath">A video file FFmpeg reads (MP4, MOV, MKV, WebM, AVI, …).</param>
    /// <param name="detector">The face detector.</param>
    /// <param name="options">Sampling, tracking, smoothing and output settings; the defaults when null.</param>
    /// <param name="progress">Told after each frame.</param>
    /// <param name="cancellationToken">Stops decoding (FFmpeg is ended) and the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is not a video FFmpeg can decode (the message gives FFmpeg's reason).</exception>
    /// <exception cref="FerException">FFmpeg is not installed (the message says how to install it).</exception>
    public static IEnumerable<VideoFrameResult> AnalyzeVideo(
        this IEmotionPredictor classifier,
        string videoPath,
        IFaceDetector detector,
        VideoAnalysisOptions? options = null,
        IProgress<VideoProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(classifier);
        Guard.NotNull(detector);
        options ??= new VideoAnalysisOptions();
        options.Validate();
        InputFile.RequireRegular(videoPath, "video", message => new FerDataException(message) { Input = videoPath }, nameof(videoPath));
        var ffprobe = Ffmpeg.Find("ffprobe", options.FfmpegFolder);
        var ffmpeg = Ffmpeg.Find("ffmpeg", options.FfmpegFolder);
        return Frames(classifier, videoPath, detector, options, ffmpeg, ffprobe, progress, cancellationToken);
    }

    private static IEnumerable<VideoFrameResult> Frames(
        IEmotionPredictor classifier, string path, IFaceDetector detector, VideoAnalysisOptions options, string ffmpeg, string ffprobe,
        IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        var info = VideoInfo.Probe(ffprobe, path);
        var tracker = new FaceTracker(classifier.ClassNames, options.MinOverlap, options.TrackTimeout, options.Smoothing);
        var shots = new ShotChangeDetector();
        using var writer = options.AnnotatedVideoPath is { } annotated ? new AnnotatedVideoWriter(ffmpeg, annotated, info.Width, info.Height, options.FramesPerSecond) : null;
        foreach (var (index, timestamp, frame) in VideoFrameReader.Read(ffmpeg, path, info, options.FramesPerSecond, cancellationToken))
        {
            VideoFrameResult result;
            using (frame)
            {
                if (shots.IsCut(frame))
                {
                    tracker.EndAllTracks();
                }

                var faces = tracker.Update(classifier.PredictFaces(frame, detector, options.Cropping), timestamp);
                writer?.Write(frame, faces);
                result = new VideoFrameResult(index, timestamp, info.Width, info.Height, faces);
            }

            progress?.Report(new VideoProgress(index + 1, timestamp, info.Duration));
            yield return result;
        }

        writer?.Complete();
    }
}

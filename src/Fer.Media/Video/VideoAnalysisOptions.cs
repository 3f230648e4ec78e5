
namespace Fer.Media;

/// <summary>How <see cref="VideoAnalysis.AnalyzeVideo"/> samples, tracks and smooths.</summary>
public sealed class VideoAnalysisOptions
{
    /// <summary>Frames analysed per second of video (sampled evenly); 5 by default. Between 0.01 and 120.</summary>
    public double FramesPerSecond { get; init; } = 5;

    /// <summary>The weight of the newest frame in each track's moving average of probabilities, in (0, 1]; 0.4 by default, 1 for none.</summary>
    public double Smoothing { get; init; } = 0.4;

    /// <summary>How long a track survives without its face (turned away, hidden) before a new id is given; 1 s by default.</summary>
    public TimeSpan TrackTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The least overlap (intersection over union) of boxes in consecutive frames that continues a track; 0.3 by default.</summary>
    public float MinOverlap { get; init; } = 0.3f;

    /// <summary>How a face box becomes the classified crop; <see cref="FaceCropping.Fer2013"/> when null.</summary>
    public FaceCropping? Cropping { get; init; }

    /// <summary>When set, a copy of the sampled frames with every face boxed and labelled is written here (MP4, H.264).</summary>
    public string? AnnotatedVideoPath { get; init; }

    /// <summary>The folder holding ffmpeg and ffprobe; the PATH is searched when null.</summary>
    public string? FfmpegFolder { get; init; }

    internal void Validate()
    {
        if (!(FramesPerSecond >= 0.01 && FramesPerSecond <= 120))
        {
            throw new ArgumentOutOfRangeException(nameof(FramesPerSecond), FramesPerSecond, "FramesPerSecond must be between 0.01 and 120.");
        }

        if (!(Smoothing > 0 && Smoothing <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Smoothing must be in (0, 1].");
        }

        if (TrackTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TrackTimeout), TrackTimeout, "TrackTimeout must not be negative.");
        }

        if (!(MinOverlap > 0 && MinOverlap <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinOverlap), MinOverlap, "MinOverlap must be in (0, 1].");
        }
    }
}

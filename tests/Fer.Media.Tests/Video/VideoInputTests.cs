using System.Diagnostics;
using Fer.Detection;
using Fer.Onnx;

namespace Fer.Media.Tests;

/// <summary>Bad video inputs and a missing FFmpeg get exceptions that name the problem and the fix.</summary>
public sealed class VideoInputTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-video-input-");
    private readonly OnnxEmotionClassifier _classifier = OnnxEmotionClassifier.LoadDefault();
    private readonly BlazeFaceDetector _detector = new();

    public void Dispose()
    {
        _classifier.Dispose();
        _detector.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public void A_missing_FFmpeg_is_named_with_how_to_install_it()
    {
        var video = Path.Combine(_folder.FullName, "clip.mp4");
        File.WriteAllBytes(video, [0, 0, 0, 24]);

        var error = Assert.Throws<FerException>(() => _classifier.AnalyzeVideo(video, _detector, new VideoAnalysisOptions { FfmpegFolder = _folder.FullName }));

        Assert.Contains("ffprobe", error.Message);
        Assert.Contains("apt-get install ffmpeg", error.Message);
    }

    [Fact]
    public void Missing_files_folders_and_bad_options_are_refused_before_anything_runs()
    {
        Assert.Throws<FileNotFoundException>(() => _classifier.AnalyzeVideo(Path.Combine(_folder.FullName, "none.mp4"), _detector));
        Assert.Throws<FerDataException>(() => _classifier.AnalyzeVideo(_folder.FullName, _detector));
        Assert.Throws<ArgumentOutOfRangeException>(() => _classifier.AnalyzeVideo("x.mp4", _detector, new VideoAnalysisOptions { FramesPerSecond = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _classifier.AnalyzeVideo("x.mp4", _detector, new VideoAnalysisOptions { Smoothing = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _classifier.AnalyzeVideo("x.mp4", _detector, new VideoAnalysisOptions { MinOverlap = 2 }));
    }

    [SkippableFact]
    public void A_named_pipe_is_refused_without_blocking()
    {
        var fifo = Path.Combine(_folder.FullName, "pipe.mp4");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Skip.IfNot(mkfifo.ExitCode == 0, "mkfifo is not available");
        }

        var error = Assert.Throws<FerDataException>(() => _classifier.AnalyzeVideo(fifo, _detector));
        Assert.Contains("pipe", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("noise")]
    [InlineData("truncated")]
    [InlineData("photo")]
    public void Files_that_are_not_videos_get_FFmpegs_reason_and_their_name(string kind)
    {
        TestVideos.RequireFfmpeg();
        var path = Path.Combine(_folder.FullName, $"{kind}.mp4");
        switch (kind)
        {
            case "noise":
                var noise = new byte[200_000];
                new Random(1).NextBytes(noise);
                File.WriteAllBytes(path, noise);
                break;
            case "truncated":
                var whole = File.ReadAllBytes(TestVideos.PanAndZoom(_folder.FullName));
                File.WriteAllBytes(path, whole[..(whole.Length / 3)]);
                break;
            default:
                File.Copy(Path.Combine(RealFaces.PhotosFolder(), "group1.jpg"), path);
                break;
        }

        // Noise and a cut MP4 (its index is at the end) cannot be read; a JPEG has no video frame to analyse.
        var error = Assert.Throws<FerDataException>(() => _classifier.AnalyzeVideo(path, _detector).ToList());

        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.Input);
    }
}

using System.Text.Json;

namespace Fer.Cli.Tests;

/// <summary>`fer video` writes a timeline of tracked faces; `fer predict FOLDER --faces --out` runs the photo pipeline.</summary>
public sealed class VideoAndFolderCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-cli-media-");

    public void Dispose() => _folder.Delete(recursive: true);

    [SkippableFact]
    public void Video_writes_the_timeline_chart_and_annotated_video()
    {
        var video = TestVideos.PanAndZoom(_folder.FullName);
        var output = Path.Combine(_folder.FullName, "out");

        var run = FerRun.Run("video", video, "--fps", "2", "--out", output, "--annotate");

        Assert.Equal(ExitCodes.Success, run.Code);
        Assert.StartsWith("pan-and-zoom.mp4: 8 frames at 2 fps, 3 face tracks", run.Output);
        Assert.Contains("  track 1: ", run.Output);
        foreach (var file in new[] { "timeline.csv", "timeline.json", "timeline.png", "annotated.mp4" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
        }

        Assert.Equal(8, TestVideos.CountFrames(Path.Combine(output, "annotated.mp4")));
    }

    [Fact]
    public void Video_reports_a_file_that_is_not_a_video()
    {
        var notVideo = Path.Combine(_folder.FullName, "notes.mp4");
        File.WriteAllText(notVideo, "not a video");

        var run = FerRun.Run("video", notVideo, "--out", Path.Combine(_folder.FullName, "out"));

        Assert.Equal(ExitCodes.InputError, run.Code);
        Assert.Contains("notes.mp4", run.Error);
    }

    [Fact]
    public void A_folder_of_photos_with_a_bad_one_is_processed_and_summarised()
    {
        var photos = Directory.CreateDirectory(Path.Combine(_folder.FullName, "photos")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg"), Path.Combine(photos, "a.jpg"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Photos", "group3.jpg"), Path.Combine(photos, "b.jpg"));
        File.WriteAllText(Path.Combine(photos, "c.jpg"), "not a photo");
        var output = Path.Combine(_folder.FullName, "out");

        var run = FerRun.Run("predict", photos, "--faces", "--out", output, "--json");

        Assert.Equal(ExitCodes.InputError, run.Code);
        Assert.Contains("3 photos, 6 faces, 1 failed", run.Error);
        Assert.Contains("c.jpg: ", run.Error);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(3, document.RootElement[0].GetProperty("faces").GetArrayLength());
        Assert.True(document.RootElement[2].TryGetProperty("error", out _));
        Assert.Equal(1 + 6 + 1, File.ReadAllLines(Path.Combine(output, "faces.csv")).Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "annotated")).Length);
    }
}

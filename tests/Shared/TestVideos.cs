using System.Diagnostics;

namespace Fer.Testing;

/// <summary>Videos the tests make with FFmpeg from the group photos; tests skip with the reason when FFmpeg is absent.</summary>
internal static class TestVideos
{
    public static void RequireFfmpeg()
        => Skip.If(FindOnPath("ffmpeg") is null || FindOnPath("ffprobe") is null,
            "FFmpeg is not installed (run `bash scripts/install-prereqs.sh --video`, or `apt-get install ffmpeg`).");

    /// <summary>
    /// A 4-second, 10 fps, 800x532 H.264 video of group1.jpg (three faces) with the camera zooming in and panning, so
    /// that the faces move and grow from frame to frame.
    /// </summary>
    public static string PanAndZoom(string folder)
    {
        RequireFfmpeg();
        var output = Path.Combine(folder, "pan-and-zoom.mp4");
        Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-loop", "1", "-i", Path.Combine(RealFaces.PhotosFolder(), "group1.jpg"),
            "-vf", "scale=1600:-2,zoompan=z='1+0.0015*on':x='iw/2-(iw/zoom/2)+on*1.5':y='ih/2-(ih/zoom/2)':d=1:s=800x532:fps=10",
            "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p", output);
        return output;
    }

    /// <summary>
    /// A 6-second, 10 fps, 800x600 H.264 video: group5.jpg (five faces) for 3 s, then a hard cut to group3.jpg (three
    /// other people, three of them where people of the first shot were) for 3 s, each photo letterboxed to the frame.
    /// </summary>
    public static string HardCut(string folder)
    {
        RequireFfmpeg();
        var output = Path.Combine(folder, "hard-cut.mp4");
        const string frame = "scale=800:600:force_original_aspect_ratio=decrease,pad=800:600:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=10";
        Run("ffmpeg", "-nostdin", "-v", "error", "-y",
            "-loop", "1", "-t", "3", "-i", Path.Combine(RealFaces.PhotosFolder(), "group5.jpg"),
            "-loop", "1", "-t", "3", "-i", Path.Combine(RealFaces.PhotosFolder(), "group3.jpg"),
            "-filter_complex", $"[0]{frame}[a];[1]{frame}[b];[a][b]concat=n=2:v=1[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", output);
        return output;
    }

    /// <summary>The number of video frames ffprobe counts in a file.</summary>
    public static int CountFrames(string path)
        => int.Parse(Run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path).Trim());

    public static string Run(string program, params string[] arguments)
    {
        var result = ChildProcess.Run(Path.GetTempPath(), program, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"{program} failed: {result.Output}");
        return result.StandardOutput;
    }

    private static string? FindOnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(f => Path.Combine(f, program)).FirstOrDefault(File.Exists);
}

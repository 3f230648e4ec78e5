using System.Net;
using System.Net.Sockets;
using Fer.Onnx;

namespace Fer.Media.Tests;

/// <summary>
/// FFmpeg reads a file name as a URL. A local file whose relative name looks like one (an upload saved under the name
/// its sender chose) must be read as that local file: nothing connects to a host, no other file is read, and the
/// annotated video goes to the local path asked for.
/// </summary>
public sealed class VideoPathInjectionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-video-names-");
    private readonly string _previousDirectory = Environment.CurrentDirectory;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly OnnxEmotionClassifier _classifier = OnnxEmotionClassifier.LoadDefault();
    private int _connections;

    public VideoPathInjectionTests()
    {
        // The names below are relative, as a web app would pass an upload's name; the assembly's tests run one at a time.
        Environment.CurrentDirectory = _folder.FullName;
        _listener.Start();
        _ = CountConnections();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Stop();
        _classifier.Dispose();
        Environment.CurrentDirectory = _previousDirectory;
        _folder.Delete(recursive: true);
    }

    [SkippableTheory]
    [InlineData("http://127.0.0.1:{port}/clip.mp4")]
    [InlineData("https://127.0.0.1:{port}/clip.mp4")]
    [InlineData("tcp://127.0.0.1:{port}")]
    [InlineData("file:other.mp4")]
    [InlineData("concat:other.mp4|other.mp4")]
    [InlineData("subfile,,start,0,end,0,,:other.mp4")]
    [InlineData("data:video/mp4;base64,AAAAGGZ0eXBtcDQy")]
    [InlineData("pipe:0")]
    [InlineData("-i")]
    [InlineData("-version")]
    public void A_file_named_like_a_URL_is_read_as_that_local_file_and_nothing_connects(string template)
    {
        var name = template.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        MakeVideos(name);

        var frames = _classifier.AnalyzeVideo(name, new NoFaces(), new VideoAnalysisOptions { FramesPerSecond = 2 }).ToList();

        // The 800x532 video under the hostile name, not other.mp4 (320x240), not a stream, not standard input.
        Assert.InRange(frames.Count, 7, 9);
        Assert.All(frames, f => Assert.Equal((800, 532), (f.Width, f.Height)));
        Assert.Equal(0, Volatile.Read(ref _connections));
    }

    [SkippableTheory]
    [InlineData("http://127.0.0.1:{port}/annotated.mp4")]
    [InlineData("file:annotated.mp4")]
    [InlineData("-y.mp4")]
    public void The_annotated_video_goes_to_the_local_path_named_and_nowhere_else(string template)
    {
        var output = template.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        MakeVideos("clip.mp4");

        var frames = _classifier.AnalyzeVideo("clip.mp4", new NoFaces(), new VideoAnalysisOptions { FramesPerSecond = 2, AnnotatedVideoPath = output }).ToList();

        Assert.True(File.Exists(Path.GetFullPath(output)), $"the annotated video is at {Path.GetFullPath(output)}");
        Assert.Equal(frames.Count, TestVideos.CountFrames(Path.GetFullPath(output)));
        Assert.Equal(new[] { "clip.mp4", Path.GetFileName(output), "other.mp4" }.Order(StringComparer.Ordinal), Directory.EnumerateFiles(_folder.FullName, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, Volatile.Read(ref _connections));
    }

    [SkippableTheory]
    [InlineData("list.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nother.mp4\n#EXT-X-ENDLIST\n")]
    [InlineData("clip.mp4", "ffconcat version 1.0\nfile other.mp4\n")]
    [InlineData("clip.mp4", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nhttp://127.0.0.1:{port}/x.ts\n#EXT-X-ENDLIST\n")]
    public void A_playlist_or_concat_list_that_names_other_files_or_hosts_is_refused(string name, string content)
    {
        MakeVideos("clip.mp4");
        File.WriteAllText(name, content.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var error = Assert.Throws<FerDataException>(() => _classifier.AnalyzeVideo(name, new NoFaces()).ToList());

        Assert.Contains(name, error.Message);
        Assert.Equal(0, Volatile.Read(ref _connections));
    }

    /// <summary>The 800x532 pan-and-zoom video at <paramref name="name"/> (relative), and a 320x240 one at other.mp4.</summary>
    private void MakeVideos(string name)
    {
        var video = TestVideos.PanAndZoom(_folder.FullName);
        var target = Path.GetFullPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(video, target);
        TestVideos.Run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", target, "-vf", "scale=320:240", "-c:v", "libx264", "-pix_fmt", "yuv420p", Path.Combine(_folder.FullName, "other.mp4"));
    }

    private async Task CountConnections()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }
    }

    private sealed class NoFaces : IFaceDetector
    {
        public IReadOnlyList<DetectedFace> Detect(Photo photo) => [];
    }
}

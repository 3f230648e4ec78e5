using System.Net;
using System.Net.Sockets;
using Fer.Core;
using Fer.Datasets;
using Fer.Media;

namespace Fer.Stress;

/// <summary>
/// File names that FFmpeg or a URL parser would read as something else (http:, https:, tcp:, file:, concat:, subfile,
/// data:, pipe:, a leading '-'), given relative to the working folder as an upload's name would be: every loader reads
/// the local file of that name or refuses it, and nothing connects to the loopback listener the names point at.
/// </summary>
internal sealed partial class FuzzCorpus
{
    private static readonly string[] UrlLikeNames =
    [
        "http://127.0.0.1:{port}/x", "https://127.0.0.1:{port}/x", "tcp://127.0.0.1:{port}", "file:other", "concat:other|other",
        "subfile,,start,0,end,0,,:other", "data:text/plain;base64,AAAA", "pipe:0", "-i", "-version", "rtsp://127.0.0.1:{port}/x",
    ];

    private IEnumerable<FuzzCase> NameCases()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = work;
        try
        {
            var classifier = EmotionClassifier.LoadDefault();
            File.WriteAllBytes("other", ValidModel());
            var ffmpeg = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(f => File.Exists(Path.Combine(f, "ffmpeg")));
            foreach (var template in UrlLikeNames)
            {
                var name = template.Replace("{port}", port, StringComparison.Ordinal);
                foreach (var (suffix, content) in new[] { (".jpg", ImagePng()), (".fer", ValidModel()), (".csv", "emotion,pixels,Usage\n"u8.ToArray()), (".mp4", ImagePng()) })
                {
                    var path = name + suffix;
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                    File.WriteAllBytes(path, content);
                    Action call = suffix switch
                    {
                        ".jpg" => () => classifier.Predict(path),
                        ".fer" => () => Sequential.Load(path).Dispose(),
                        ".csv" => () => Fer2013.Load(path),
                        _ => () => _ = ffmpeg ? classifier.AnalyzeVideo(path, new NoFaces()).ToList() : null,
                    };
                    yield return new FuzzCase($"{call.Method.Name} of '{path}'", () =>
                    {
                        var before = Volatile.Read(ref connections);
                        var previousCase = Environment.CurrentDirectory;
                        Environment.CurrentDirectory = work;
                        var failure = Record.Exception(call);
                        Environment.CurrentDirectory = previousCase;
                        if (Volatile.Read(ref connections) != before)
                        {
                            throw new InvalidOperationException($"'{path}' made the library connect to 127.0.0.1:{port}");
                        }

                        if (failure is not null)
                        {
                            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                        }
                    });
                }
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            listener.Stop();
        }
    }

    private static byte[] ImagePng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(64, 48));
        bitmap.Erase(new SkiaSharp.SKColor(90, 140, 200));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private sealed class NoFaces : IFaceDetector
    {
        public IReadOnlyList<DetectedFace> Detect(Photo photo) => [];
    }
}

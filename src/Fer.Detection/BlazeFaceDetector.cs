using Fer.Internal;
using Fer.Detection.BlazeFace;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Fer.Detection;

/// <summary>
/// Finds faces with Google's MediaPipe BlazeFace (Apache-2.0; the network ships inside this package, nothing is
/// downloaded) run by ONNX Runtime. Large photos are scanned whole and in overlapping tiles, so that small faces in
/// group photos are found too. Thread-safe; dispose it to release the ONNX Runtime session.
/// </summary>
/// <example>
/// <code>
/// using var classifier = EmotionClassifier.LoadDefault();
/// using var detector = new BlazeFaceDetector();
/// using var photo = Photo.Load("group.jpg");
/// foreach (var face in classifier.PredictFaces(photo, detector))
///     Console.WriteLine(face);
/// </code>
/// </example>
public sealed class BlazeFaceDetector : IFaceDetector, IDisposable
{
    private const float BorderMargin = 0.02f;
    private readonly InferenceSession session;
    private readonly UsageGate gate;
    private readonly int networkSize;
    private readonly string inputName;

    /// <summary>Loads the embedded network.</summary>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <exception cref="FerException">ONNX Runtime's native library could not be loaded.</exception>
    public BlazeFaceDetector(BlazeFaceOptions? options = null)
    {
        Options = options ?? new BlazeFaceOptions();
        if (Options.MinConfidence is < 0 or > 1 || Options.OverlapThreshold is <= 0 or > 1 || Options.Threads < 0 || Options.SmallestFace is < 0 or > 1 || double.IsNaN(Options.SmallestFace))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options, "MinConfidence must be in [0, 1], OverlapThreshold in (0, 1], SmallestFace in [0, 1], Threads >= 0.");
        }

        (networkSize, var resource) = Options.Model switch
        {
            BlazeFaceModel.BackCamera256 => (256, "Fer.Detection.Models.blazeface-back-256.onnx"),
            BlazeFaceModel.FrontCamera128 => (128, "Fer.Detection.Models.blazeface-front-128.onnx"),
            _ => throw new ArgumentOutOfRangeException(nameof(options), Options.Model, "Unknown BlazeFace model."),
        };
        session = CreateSession(resource, Options.Threads);
        gate = new UsageGate(this);
        inputName = session.InputMetadata.Keys.Single();
    }

    /// <summary>The settings in use.</summary>
    public BlazeFaceOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<DetectedFace> Detect(Photo photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        using var use = gate.Enter();
        var candidates = new List<DetectedFace>();
        var input = new DenseTensor<float>([1, networkSize, networkSize, 3]);
        Photo? previous = null;
        try
        {
            // One downscaled copy per tile size, finest first, each made from the one before (a small pyramid).
            foreach (var level in DetectionTile.Cover(photo.Width, photo.Height, networkSize, Options.SmallestFace).GroupBy(t => t.Side).OrderBy(g => g.Key))
            {
                var scale = networkSize / level.Key;
                var scaled = (previous ?? photo).Resize(Math.Max(1, (int)MathF.Round(photo.Width * scale)), Math.Max(1, (int)MathF.Round(photo.Height * scale)));
                previous?.Dispose();
                previous = scaled;
                var rgba = scaled.ToRgbaPixels();
                foreach (var tile in level)
                {
                    var offsetX = (int)MathF.Round(tile.Left * scale);
                    var offsetY = (int)MathF.Round(tile.Top * scale);
                    FillInput(rgba, scaled.Width, scaled.Height, offsetX, offsetY, input);
                    using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
                    var byName = outputs.ToDictionary(o => o.Name, o => o.AsTensor<float>());
                    var placement = new TilePlacement(tile, offsetX / scale, offsetY / scale, networkSize / scale);
                    Decode(byName["Identity:0"], byName["Identity_2:0"], BlazeFaceAnchors.Fine, placement, photo, candidates);
                    Decode(byName["Identity_1:0"], byName["Identity_3:0"], BlazeFaceAnchors.Coarse, placement, photo, candidates);
                }
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return WeightedSuppression.Apply(candidates, Options.OverlapThreshold)
            .Select(face => face with { Box = ClipToPhoto(face.Box, photo) })
            .Where(face => face.Box.Width >= 1 && face.Box.Height >= 1)
            .ToList();
    }

    /// <summary>
    /// Releases the ONNX Runtime session. Safe while other threads detect: detections already running finish (the
    /// session is released after the last one), later ones throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose() => gate.Close(session.Dispose);

    private static InferenceSession CreateSession(string resource, int threads)
    {
        using var stream = typeof(BlazeFaceDetector).Assembly.GetManifestResourceStream(resource)
            ?? throw new FerModelException($"The embedded face detection network {resource} is missing from Fer.Detection.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        try
        {
            using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
            return new InferenceSession(buffer.ToArray(), sessionOptions);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new FerException(
                "ONNX Runtime's native library (libonnxruntime) could not be loaded, so faces cannot be detected. It ships in the Microsoft.ML.OnnxRuntime package for win-x64/arm64, linux-x64/arm64 and osx-arm64; check that your app is published for one of them. " + e.Message,
                e);
        }
    }

    /// <summary>
    /// Copies the network-sized square at (<paramref name="offsetX"/>, <paramref name="offsetY"/>) of a downscaled
    /// photo into the input as NHWC floats in [-1, 1]; outside the photo is black (-1), like MediaPipe's letterbox.
    /// </summary>
    private void FillInput(byte[] rgba, int width, int height, int offsetX, int offsetY, DenseTensor<float> input)
    {
        var target = input.Buffer.Span;
        target.Fill(-1f);
        for (var y = Math.Max(0, -offsetY); y < networkSize && y + offsetY < height; y++)
        {
            var row = rgba.AsSpan((y + offsetY) * width * 4);
            for (var x = Math.Max(0, -offsetX); x < networkSize && x + offsetX < width; x++)
            {
                var source = (x + offsetX) * 4;
                var offset = ((y * networkSize) + x) * 3;
                target[offset + 0] = (row[source] / 127.5f) - 1f;
                target[offset + 1] = (row[source + 1] / 127.5f) - 1f;
                target[offset + 2] = (row[source + 2] / 127.5f) - 1f;
            }
        }
    }

    /// <summary>Turns one output head's scores and regressions into faces in photo coordinates.</summary>
    private void Decode(Tensor<float> scores, Tensor<float> boxes, IReadOnlyList<(float X, float Y)> anchors, TilePlacement placement, Photo photo, List<DetectedFace> faces)
    {
        var tile = placement.Tile;
        var scale = placement.Side;
        for (var i = 0; i < anchors.Count; i++)
        {
            var confidence = 1f / (1f + MathF.Exp(-Math.Clamp(scores[0, i, 0], -100f, 100f)));
            if (confidence < Options.MinConfidence)
            {
                continue;
            }

            var centerX = (boxes[0, i, 0] / networkSize) + anchors[i].X;
            var centerY = (boxes[0, i, 1] / networkSize) + anchors[i].Y;
            var width = boxes[0, i, 2] / networkSize;
            var height = boxes[0, i, 3] / networkSize;
            if (width <= 0 || height <= 0 || CutByTileEdge(centerX, centerY, width, height, tile, photo))
            {
                continue;
            }

            faces.Add(new DetectedFace(
                new FaceBox(placement.Left + ((centerX - (width / 2)) * scale), placement.Top + ((centerY - (height / 2)) * scale), width * scale, height * scale),
                confidence));
        }
    }

    /// <summary>True when a box touches an edge of a tile that lies inside the photo: the face is cut, another tile sees it whole.</summary>
    private static bool CutByTileEdge(float centerX, float centerY, float width, float height, DetectionTile tile, Photo photo)
    {
        var interiorLeft = tile.Left > 0.5f;
        var interiorTop = tile.Top > 0.5f;
        var interiorRight = tile.Left + tile.Side < photo.Width - 0.5f;
        var interiorBottom = tile.Top + tile.Side < photo.Height - 0.5f;
        return (interiorLeft && centerX - (width / 2) < BorderMargin)
            || (interiorTop && centerY - (height / 2) < BorderMargin)
            || (interiorRight && centerX + (width / 2) > 1 - BorderMargin)
            || (interiorBottom && centerY + (height / 2) > 1 - BorderMargin);
    }

    private static FaceBox ClipToPhoto(FaceBox box, Photo photo)
    {
        var left = Math.Max(box.X, 0);
        var top = Math.Max(box.Y, 0);
        var right = Math.Min(box.Right, photo.Width);
        var bottom = Math.Min(box.Bottom, photo.Height);
        return new FaceBox(left, top, Math.Max(right - left, 0), Math.Max(bottom - top, 0));
    }

    /// <summary>Where a tile's network input lies in photo pixels after rounding to the downscaled grid.</summary>
    private readonly record struct TilePlacement(DetectionTile Tile, float Left, float Top, float Side);
}

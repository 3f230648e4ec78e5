using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer.Detection;
using Fer.Detection.BlazeFace;
using SkiaSharp;

namespace Fer.Benchmarks;

/// <summary>
/// Face detection on real photos: recall and false positives against hand-checked boxes, recall by face size (mosaics
/// of the photos at 1/2, 1/3 and 1/4 scale), and the time of the whole photo pipeline (decode, detect, crop,
/// classify) for 1920x1080 photos, on the threads the process has.
/// </summary>
internal static class FaceDetectionBenchmark
{
    /// <param name="photos">Folder with sample1.jpg … sample6.jpg (the full-size originals, see bench/setup.sh).</param>
    /// <param name="truthJson">tests/Fer.Detection.Tests/Photos/faces.json (boxes for 800-px-wide copies).</param>
    public static IEnumerable<(string What, string Value, string Target)> Run(string photos, string truthJson)
    {
        var truth = LoadTruth(truthJson);
        using var detector = new BlazeFaceDetector();
        var classifier = EmotionClassifier.LoadDefault();
        var originals = truth.Keys.Select(name => (name, bytes: File.ReadAllBytes(Path.Combine(photos, name.Replace("group", "sample", StringComparison.Ordinal))))).ToList();

        // Recall by face size: each photo as a k x k mosaic of itself at 1/k scale.
        foreach (var k in new[] { 1, 2, 3, 4 })
        {
            int found = 0, total = 0, falsePositives = 0;
            var sizes = new List<float>();
            foreach (var (name, bytes) in originals)
            {
                using var original = Photo.Decode(bytes, name);
                using var mosaic = Mosaic(original, k);
                var scale = original.Width / 800f / k;
                var boxes = new List<FaceBox>();
                for (var i = 0; i < k * k; i++)
                {
                    var (dx, dy) = (i % k * (original.Width / k), i / k * (original.Height / k));
                    boxes.AddRange(truth[name].Select(b => new FaceBox((b.X * scale) + dx, (b.Y * scale) + dy, b.Width * scale, b.Height * scale)));
                }

                sizes.AddRange(boxes.Select(b => b.Width));
                var (matched, extra) = FaceMatching.Match(boxes, detector.Detect(mosaic).Select(f => f.Box));
                (found, total, falsePositives) = (found + matched, total + boxes.Count, falsePositives + extra);
            }

            sizes.Sort();
            var what = k == 1
                ? $"Face recall, 6 real group photos (1920 px wide, {total} faces)"
                : $"Face recall, faces of {sizes[0]:0}–{sizes[^1]:0} px (median {sizes[sizes.Count / 2]:0}) in {k}x{k} mosaics of the photos";
            yield return (what, string.Create(CultureInfo.InvariantCulture, $"{100.0 * found / total:0.0}% ({found}/{total}), {falsePositives / 6.0:0.00} false positives per photo"), k == 1 ? "≥ 90%, ≤ 1 false positive per photo" : "-");
        }

        // Time: 1920x1080 JPEGs (the photos' centre rows), decode + detect + crop + classify, median of 5 per photo.
        var times = new List<double>();
        var facesPerPhoto = new List<int>();
        foreach (var (name, bytes) in originals)
        {
            var jpeg = CropTo1080p(bytes, name);
            var faces = 0;
            times.Add(Measure.MedianSeconds(5, () =>
            {
                using var photo = Photo.Decode(jpeg, name);
                faces = classifier.PredictFaces(photo, detector).Count;
            }) * 1000);
            facesPerPhoto.Add(faces);
        }

        times.Sort();
        yield return (
            $"Photo pipeline, 1920x1080 JPEG: decode + detect + crop + classify ({TorchSharp.torch.get_num_threads()} threads, {facesPerPhoto.Min()}–{facesPerPhoto.Max()} faces)",
            string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:0} ms, slowest photo {times[^1]:0} ms"),
            "≤ 100 ms");

        // The parts: decode alone, and detection alone.
        var (_, first) = originals[0];
        var jpeg1080 = CropTo1080p(first, "first");
        var decodeMs = Measure.MedianSeconds(10, () => Photo.Decode(jpeg1080).Dispose()) * 1000;
        using var decoded = Photo.Decode(jpeg1080);
        var detectMs = Measure.MedianSeconds(10, () => detector.Detect(decoded)) * 1000;
        var stopwatch = Stopwatch.StartNew();
        var crops = classifier.PredictFaces(decoded, detector).Count;
        var pipelineMs = stopwatch.Elapsed.TotalMilliseconds;
        yield return ("  of which JPEG decode / detection (first photo)", string.Create(CultureInfo.InvariantCulture, $"{decodeMs:0.0} ms / {detectMs:0.0} ms (whole pass + {DetectionTileCount(decoded) - 1} tiles); {crops} faces classified, {pipelineMs:0} ms detect + classify"), "-");
    }

    private static int DetectionTileCount(Photo photo) => DetectionTile.Cover(photo.Width, photo.Height, 256, new BlazeFaceOptions().SmallestFace).Count;

    private static Photo Mosaic(Photo original, int k)
    {
        if (k == 1)
        {
            return Photo.FromPixels(original.ToRgbaPixels(), original.Width, original.Height, PhotoPixelFormat.Rgba32);
        }

        var (cellWidth, cellHeight) = (original.Width / k, original.Height / k);
        using var smallPhoto = original.Resize(cellWidth, cellHeight);
        using var small = new SKBitmap(new SKImageInfo(cellWidth, cellHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        smallPhoto.ToRgbaPixels().AsSpan().CopyTo(small.GetPixelSpan());
        using var bitmap = new SKBitmap(new SKImageInfo(original.Width, original.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var image = SKImage.FromBitmap(small);
            for (var i = 0; i < k * k; i++)
            {
                canvas.DrawImage(image, i % k * cellWidth, i / k * cellHeight, SKSamplingOptions.Default);
            }
        }

        return Photo.FromPixels(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height, PhotoPixelFormat.Rgba32);
    }

    private static byte[] CropTo1080p(byte[] jpeg, string name)
    {
        using var photo = Photo.Decode(jpeg, name);
        using var pixels = new SKBitmap(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        photo.ToRgbaPixels().AsSpan().CopyTo(pixels.GetPixelSpan());
        using var subset = new SKBitmap();
        var top = (photo.Height - 1080) / 2;
        if (!pixels.ExtractSubset(subset, SKRectI.Create(0, top, 1920, 1080)))
        {
            throw new InvalidOperationException($"{name} is smaller than 1920x1080.");
        }

        using var data = subset.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static Dictionary<string, FaceBox[]> LoadTruth(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('_')).ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateArray().Select(b => new FaceBox(b[0].GetSingle(), b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle())).ToArray());
    }
}

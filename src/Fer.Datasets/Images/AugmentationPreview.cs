using Fer.Datasets.Batching;
using Fer.Imaging;
using Fer.Internal;
using SkiaSharp;
using static TorchSharp.torch;

namespace Fer.Datasets;

/// <summary>Writes a PNG grid of faces, as an augmentation pipeline delivers them to training, with their labels: a way to look before training.</summary>
public static class AugmentationPreview
{
    /// <summary>Writes the first <paramref name="count"/> faces of a seeded shuffle, augmented, as a labelled grid.</summary>
    /// <param name="faces">The faces (one channel).</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="pipeline">The augmentation to show; the faces as they are when null.</param>
    /// <param name="count">Faces to show.</param>
    /// <param name="columns">Faces per row.</param>
    /// <param name="scale">Pixels per face pixel.</param>
    /// <param name="seed">Seed of the shuffle (the pipeline has its own).</param>
    public static void SavePng(LabeledFaces faces, string path, AugmentationPipeline? pipeline = null, int count = 32, int columns = 8, int scale = 2, int seed = 0)
    {
        Guard.NotNull(faces);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Guard.Positive(count);
        Guard.Positive(columns);
        Guard.Positive(scale);
        if (faces.Shape.Channels != 1)
        {
            throw new FerDataException($"A preview shows one-channel faces, but {faces.Source} has {faces.Shape.Channels} channels.") { Input = faces.Source };
        }

        var loader = new BatchLoader(faces, new BatchLoaderOptions { BatchSize = Math.Min(count, faces.Count), Seed = seed, Augmentation = pipeline, Prefetch = 0 });
        using var batch = loader.Epoch(0).First();
        using var scope = NewDisposeScope();
        var images = batch.Images.ClampTo(0, 1).Times(255).round().to(ScalarType.Byte).cpu();
        var (n, height, width) = ((int)images.shape[0], (int)images.shape[2], (int)images.shape[3]);
        var pixels = images.data<byte>().ToArray();
        var targets = batch.Targets.cpu().data<float>().ToArray();
        var classes = faces.ClassNames.Count;

        const int labelHeight = 16;
        var rows = (n + columns - 1) / columns;
        var cellWidth = (width * scale) + 4;
        var cellHeight = (height * scale) + labelHeight + 4;
        using var surface = SKSurface.Create(new SKImageInfo(columns * cellWidth, rows * cellHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = PictureFont.CreateFont(11);
        for (var i = 0; i < n; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
            pixels.AsSpan(i * width * height, width * height).CopyTo(bitmap.GetPixelSpan());
            using var image = SKImage.FromBitmap(bitmap);
            var (x, y) = ((i % columns) * cellWidth, (i / columns) * cellHeight);
            canvas.DrawImage(image, SKRect.Create(x + 2, y + 2, width * scale, height * scale), new SKSamplingOptions(SKFilterMode.Nearest));
            canvas.DrawText(Describe(targets[(i * classes)..((i + 1) * classes)], faces.ClassNames), x + (cellWidth / 2f), y + (height * scale) + labelHeight, SKTextAlign.Center, font, text);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(path, png.ToArray());
    }

    /// <summary>"happy", or "happy 70% / sad" for soft labels from mixup and cutmix.</summary>
    private static string Describe(float[] target, IReadOnlyList<string> names)
    {
        var order = Enumerable.Range(0, target.Length).OrderByDescending(i => target[i]).ToArray();
        var best = order[0];
        var second = order[1];
        return target[best] > 0.999f || target[second] < 0.01f
            ? names[best]
            : FormattableString.Invariant($"{names[best]} {target[best]:P0} / {names[second]}");
    }
}

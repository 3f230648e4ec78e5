using SkiaSharp;

namespace Fer.Core.PublicApi.Tests;

/// <summary>Makes small images for tests: synthetic faces and their encodings.</summary>
internal static class TestImages
{
    /// <summary>A 48x48 grayscale pattern (a smiling-face-like sketch), deterministic per seed.</summary>
    public static byte[] Face(int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[48 * 48];
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 48; x++)
            {
                var dx = x - 24;
                var dy = y - 24;
                var inFace = (dx * dx) + (dy * dy) < 400;
                var eye = ((x - 17) * (x - 17)) + ((y - 18) * (y - 18)) < 9 || ((x - 31) * (x - 31)) + ((y - 18) * (y - 18)) < 9;
                var mouth = y == 32 + (seed % 3) - 1 && x > 16 && x < 32;
                pixels[(y * 48) + x] = (byte)Math.Clamp((inFace ? 170 : 60) - (eye || mouth ? 120 : 0) + random.Next(-10, 11), 0, 255);
            }
        }

        return pixels;
    }

    /// <summary>Labelled synthetic faces with the seven FER2013 classes (label i % 7).</summary>
    public static Fer.Datasets.LabeledFaces FaceSet(int count)
        => Fer.Datasets.LabeledFaces.FromPixels(
            Enumerable.Range(0, count).SelectMany(Face).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 7).ToArray());

    public static byte[] Encode(byte[] gray, int width, int height, SKEncodedImageFormat format, bool asColor = false)
    {
        var info = new SKImageInfo(width, height, asColor ? SKColorType.Rgba8888 : SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var span = bitmap.GetPixelSpan();
        for (var i = 0; i < gray.Length; i++)
        {
            if (asColor)
            {
                span[(i * 4) + 0] = gray[i];
                span[(i * 4) + 1] = gray[i];
                span[(i * 4) + 2] = gray[i];
                span[(i * 4) + 3] = 255;
            }
            else
            {
                span[i] = gray[i];
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 100);
        return data.ToArray();
    }
}

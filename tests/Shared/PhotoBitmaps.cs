using SkiaSharp;

namespace Fer.Testing;

/// <summary>A photo's pixels as a SkiaSharp bitmap (through the public RGBA pixels), for tests that draw or compare.</summary>
internal static class PhotoBitmaps
{
    public static SKBitmap ToBitmap(Photo photo)
    {
        var bitmap = new SKBitmap(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        photo.ToRgbaPixels().AsSpan().CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}

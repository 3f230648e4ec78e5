using SkiaSharp;

namespace Fer.Imaging.Tests;

/// <summary>Photo.ToJpeg and ToPng give files that decode back to the photo.</summary>
public sealed class PhotoEncodingTests
{
    private static Photo Gradient()
    {
        var pixels = new byte[64 * 40 * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7 % 251);
        }

        return Photo.FromPixels(pixels, 64, 40, PhotoPixelFormat.Rgb24);
    }

    [Fact]
    public void Png_is_lossless_and_jpeg_keeps_the_size()
    {
        using var photo = Gradient();

        using var png = Photo.Decode(photo.ToPng(), "png");
        using var jpeg = Photo.Decode(photo.ToJpeg(95), "jpeg");

        Assert.Equal(photo.ToRgbaPixels(), png.ToRgbaPixels());
        Assert.Equal((64, 40), (jpeg.Width, jpeg.Height));
        Assert.Equal(0xFF, photo.ToJpeg()[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_jpeg_quality_outside_1_to_100_is_refused(int quality)
    {
        using var photo = Gradient();

        Assert.Throws<ArgumentOutOfRangeException>(() => photo.ToJpeg(quality));
    }

    [Fact]
    public void A_disposed_photo_cannot_be_encoded()
    {
        var photo = Gradient();
        photo.Dispose();

        Assert.Throws<ObjectDisposedException>(() => photo.ToPng());
    }
}

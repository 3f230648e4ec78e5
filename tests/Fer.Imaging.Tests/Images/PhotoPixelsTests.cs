using SkiaSharp;

namespace Fer.Imaging.Tests;

/// <summary>Photo's public pixel operations: grayscale faces, crops, resized copies, RGBA, reduced-scale decoding.</summary>
public sealed class PhotoPixelsTests
{
    /// <summary>A 64x32 RGB photo: red rises to the right, green downwards, blue constant.</summary>
    private static Photo Gradient()
    {
        var rgb = new byte[64 * 32 * 3];
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var i = ((y * 64) + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)(x * 4), (byte)(y * 8), 100);
            }
        }

        return Photo.FromPixels(rgb, 64, 32, PhotoPixelFormat.Rgb24);
    }

    [Fact]
    public void Gray_pixels_use_bt601_luma_at_the_photos_size()
    {
        using var photo = Gradient();
        var gray = photo.ToGrayPixels(64, 32);
        Assert.Equal(64 * 32, gray.Length);
        var (r, g, b) = (10 * 4, 5 * 8, 100);
        Assert.Equal((byte)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b)), gray[(5 * 64) + 10]);
    }

    [Fact]
    public void A_crop_is_the_same_as_the_gray_pixels_of_that_region()
    {
        using var photo = Gradient();
        var whole = photo.ToGrayPixels(64, 32);
        var crop = photo.CropToGrayPixels(new FaceBox(8, 4, 16, 16), 16);
        for (var y = 0; y < 16; y++)
        {
            Assert.Equal(whole.AsSpan(((y + 4) * 64) + 8, 16).ToArray(), crop.AsSpan(y * 16, 16).ToArray());
        }
    }

    [Theory]
    [InlineData(-1, 0, 16, 16)]
    [InlineData(50, 0, 16, 16)]
    [InlineData(0, 20, 16, 16)]
    [InlineData(0.5f, 0, 16, 16)]
    [InlineData(0, 0, 0, 16)]
    public void A_region_outside_the_photo_or_between_pixels_is_refused(float x, float y, float width, float height)
    {
        using var photo = Gradient();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => photo.CropToGrayPixels(new FaceBox(x, y, width, height), 8));
        Assert.Contains("whole pixels inside the 64x32 photo", e.Message);
    }

    [Fact]
    public void A_resized_copy_keeps_the_colours_and_the_original()
    {
        using var photo = Gradient();
        using var half = photo.Resize(32, 16);
        Assert.Equal((32, 16), (half.Width, half.Height));
        Assert.Equal((64, 32), (photo.Width, photo.Height));
        var rgba = half.ToRgbaPixels();
        Assert.Equal(32 * 16 * 4, rgba.Length);
        Assert.InRange(rgba[2], 95, 105);     // blue stays 100
        Assert.True(rgba[(31 * 4) + 0] > rgba[0]); // red still rises to the right
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.Resize(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => photo.Resize(20_000, 20_000));
    }

    [Fact]
    public void Gray_photos_expand_to_opaque_rgba()
    {
        using var photo = Photo.FromPixels(new byte[] { 0, 50, 100, 200 }, 2, 2, PhotoPixelFormat.Gray8);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 50, 50, 50, 255, 100, 100, 100, 255, 200, 200, 200, 255 }, photo.ToRgbaPixels());
    }

    [Fact]
    public void Reduced_scale_decoding_keeps_at_least_the_asked_shorter_side()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(800, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(new SKColor(120, 130, 140));
        var jpeg = ForgedImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 90);
        using var full = Photo.Decode(jpeg, "big.jpg");
        using var reduced = Photo.Decode(jpeg, "big.jpg", minShortSide: 96);
        Assert.Equal((800, 600), (full.Width, full.Height));
        Assert.True(reduced.Height >= 96 && reduced.Height < 600, $"{reduced.Width}x{reduced.Height}");
        Assert.Equal(full.ToGrayPixels(48, 48).Average(p => p), reduced.ToGrayPixels(48, 48).Average(p => p), 0);
    }

    [Fact]
    public void A_disposed_photo_refuses_every_pixel_operation()
    {
        var photo = Gradient();
        photo.Dispose();
        Assert.Throws<ObjectDisposedException>(() => photo.ToGrayPixels(8, 8));
        Assert.Throws<ObjectDisposedException>(() => photo.ToRgbaPixels());
        Assert.Throws<ObjectDisposedException>(() => photo.Resize(8, 8));
        Assert.Throws<ObjectDisposedException>(() => photo.CropToGrayPixels(new FaceBox(0, 0, 4, 4), 4));
    }

    [Theory]
    [InlineData(PhotoPixelFormat.Gray8, 1)]
    [InlineData(PhotoPixelFormat.Rgb24, 3)]
    [InlineData(PhotoPixelFormat.Bgr24, 3)]
    [InlineData(PhotoPixelFormat.Rgba32, 4)]
    public void Padded_rows_give_the_same_photo_as_tight_ones(PhotoPixelFormat format, int bytesPerPixel)
    {
        const int width = 7, height = 5, padding = 9;
        var random = new Random(4);
        var tight = new byte[width * height * bytesPerPixel];
        random.NextBytes(tight);
        if (format == PhotoPixelFormat.Rgba32)
        {
            for (var i = 3; i < tight.Length; i += 4)
            {
                tight[i] = 255;
            }
        }

        var stride = (width * bytesPerPixel) + padding;
        var padded = new byte[((height - 1) * stride) + (width * bytesPerPixel)];
        random.NextBytes(padded);
        for (var y = 0; y < height; y++)
        {
            tight.AsSpan(y * width * bytesPerPixel, width * bytesPerPixel).CopyTo(padded.AsSpan(y * stride));
        }

        using var fromTight = Photo.FromPixels(tight, width, height, format);
        using var fromPadded = Photo.FromPixels(padded, width, height, format, stride);
        Assert.Equal(fromTight.ToRgbaPixels(), fromPadded.ToRgbaPixels());
    }

    [Fact]
    public void A_stride_shorter_than_a_row_or_a_short_buffer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Photo.FromPixels(new byte[100], 10, 2, PhotoPixelFormat.Rgb24, stride: 29));
        var e = Assert.Throws<FerDataException>(() => Photo.FromPixels(new byte[60], 10, 2, PhotoPixelFormat.Rgb24, stride: 40));
        Assert.Contains("with rows 40 bytes apart needs at least 70 bytes, but 60 were given", e.Message);
    }
}

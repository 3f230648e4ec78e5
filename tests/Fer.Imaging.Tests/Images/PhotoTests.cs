using SkiaSharp;

namespace Fer.Imaging.Tests;

public sealed class PhotoTests
{
    [Fact]
    public void Raw_rgb_bgr_and_rgba_buffers_give_the_same_photo()
    {
        var rgb = new byte[6 * 4 * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)(i * 7);
        }

        var bgr = new byte[rgb.Length];
        var rgba = new byte[6 * 4 * 4];
        for (var p = 0; p < 24; p++)
        {
            (bgr[(p * 3) + 0], bgr[(p * 3) + 1], bgr[(p * 3) + 2]) = (rgb[(p * 3) + 2], rgb[(p * 3) + 1], rgb[(p * 3) + 0]);
            (rgba[(p * 4) + 0], rgba[(p * 4) + 1], rgba[(p * 4) + 2], rgba[(p * 4) + 3]) = (rgb[(p * 3) + 0], rgb[(p * 3) + 1], rgb[(p * 3) + 2], 255);
        }

        using var fromRgb = Photo.FromPixels(rgb, 6, 4, PhotoPixelFormat.Rgb24);
        using var fromBgr = Photo.FromPixels(bgr, 6, 4, PhotoPixelFormat.Bgr24);
        using var fromRgba = Photo.FromPixels(rgba, 6, 4, PhotoPixelFormat.Rgba32);
        Assert.Equal((6, 4), (fromRgb.Width, fromRgb.Height));
        Assert.Equal(rgba, fromRgb.ToRgbaPixels());
        Assert.Equal(rgba, fromBgr.ToRgbaPixels());
        Assert.Equal(rgba, fromRgba.ToRgbaPixels());
    }

    [Fact]
    public void A_buffer_of_the_wrong_length_names_the_expected_size()
    {
        var error = Assert.Throws<FerDataException>(() => Photo.FromPixels(new byte[100], 10, 10, PhotoPixelFormat.Rgb24));
        Assert.Contains("needs 300 bytes", error.Message);
        Assert.Contains("100 were given", error.Message);
    }

    [Fact]
    public void Exif_orientation_is_applied()
    {
        // 60 wide, 40 high, bright on the left; orientation 6 means "rotate 90° clockwise to display".
        using var bitmap = new SKBitmap(new SKImageInfo(60, 40, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 60; x++)
            {
                pixels[(y * bitmap.RowBytes) + x] = (byte)(x < 20 ? 250 : 10);
            }
        }

        var jpeg = ForgedImages.WithExifOrientation(ForgedImages.Encode(bitmap, SKEncodedImageFormat.Jpeg), 6);
        using var photo = Photo.Decode(jpeg, "rotated.jpg");
        Assert.Equal((40, 60), (photo.Width, photo.Height));
        var top = photo.CropToGrayPixels(new FaceBox(0, 0, 40, 10), 4);
        var bottom = photo.CropToGrayPixels(new FaceBox(0, 50, 40, 10), 4);
        Assert.True(top.Average(b => b) > 200, "the bright left edge turns into the top edge");
        Assert.True(bottom.Average(b => b) < 50);
    }

    [Fact]
    public void Bad_files_are_refused_with_their_name()
    {
        var folder = Directory.CreateTempSubdirectory("fer-photo-");
        try
        {
        var missing = Path.Combine(folder.FullName, "missing.jpg");
        Assert.Throws<FileNotFoundException>(() => Photo.Load(missing));

        var empty = Path.Combine(folder.FullName, "empty.jpg");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty.jpg", Assert.Throws<FerDataException>(() => Photo.Load(empty)).Message);

        var text = Path.Combine(folder.FullName, "notes.png");
        File.WriteAllText(text, "not an image");
        Assert.Contains("notes.png", Assert.Throws<FerDataException>(() => Photo.Load(text)).Message);

        var bomb = Assert.Throws<FerDataException>(() => Photo.Decode(ForgedImages.DecompressionBombPng(), "bomb.png"));
        Assert.Contains("refused", bomb.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_disposed_photo_says_so()
    {
        var photo = Photo.FromPixels(new byte[16], 4, 4, PhotoPixelFormat.Gray8);
        photo.Dispose();
        photo.Dispose();
        Assert.Throws<ObjectDisposedException>(() => photo.Width);
    }
}

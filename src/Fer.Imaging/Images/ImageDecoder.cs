using SkiaSharp;

namespace Fer.Imaging;

/// <summary>
/// Decodes encoded images (JPEG, PNG, BMP, WebP, GIF) with SkiaSharp, honours EXIF orientation,
/// refuses decompression bombs, and turns an image of any size or colour into grayscale pixels.
/// </summary>
internal static class ImageDecoder
{
    /// <summary>The largest image accepted, in pixels (width × height): 100 megapixels.</summary>
    internal const long MaxPixels = 100_000_000;

    /// <summary>The largest image file read: an uncompressed 100-megapixel RGB bitmap and its header fit.</summary>
    internal const long MaxFileBytes = 320L * 1024 * 1024;

    /// <summary>Decodes to an upright bitmap (caller disposes). <paramref name="minSide"/> lets JPEGs decode at a reduced scale.</summary>
    public static SKBitmap DecodeUpright(ReadOnlySpan<byte> encoded, string source, int minSide = 0)
    {
        if (encoded.IsEmpty)
        {
            throw new FerDataException($"The image {source} is empty (0 bytes).") { Input = source };
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new FerDataException($"The image {source} is not a readable JPEG, PNG, BMP, WebP or GIF file (corrupt, truncated or another format).") { Input = source };
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            throw new FerDataException($"The image {source} is {info.Width}x{info.Height}, which is over the limit of {MaxPixels:N0} pixels; it is refused rather than decoded.") { Input = source };
        }

        var size = info.Size;
        if (minSide > 0)
        {
            // The codec rounds the scale down to what it supports (JPEG: 1/8, 1/4, 1/2): double it until the
            // shorter side is at least minSide, so the result is never smaller than asked.
            var scale = Math.Max((float)minSide / Math.Min(info.Width, info.Height), 1f / 8f);
            while (scale < 1f)
            {
                size = codec.GetScaledDimensions(scale);
                if (Math.Min(size.Width, size.Height) >= minSide)
                {
                    break;
                }

                scale = Math.Min(1f, scale * 2);
                size = info.Size;
            }
        }

        var colorType = info.ColorType == SKColorType.Gray8 ? SKColorType.Gray8 : SKColorType.Rgba8888;
        var decodeInfo = new SKImageInfo(size.Width, size.Height, colorType, SKAlphaType.Premul);
        var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new FerDataException($"The image {source} could not be decoded: {result} (the file is corrupt or truncated).") { Input = source };
        }

        return Orient(bitmap, codec.EncodedOrigin);
    }

    /// <summary>Converts a bitmap (any size, colour or grayscale) to grayscale pixels of the given size.</summary>
    public static byte[] ToGray(SKBitmap bitmap, int height, int width)
    {
        SKBitmap? resized = null;
        try
        {
            var source = bitmap;
            if (bitmap.Width != width || bitmap.Height != height)
            {
                resized = Resize(bitmap, width, height);
                source = resized;
            }

            return GrayPixels(source);
        }
        finally
        {
            resized?.Dispose();
        }
    }

    /// <summary>A resized copy (Mitchell resampling, colour type kept: Rgba8888 or Gray8); the caller disposes it.</summary>
    public static SKBitmap Resize(SKBitmap bitmap, int width, int height)
        => bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
           ?? throw new FerDataException($"Resizing a {bitmap.Width}x{bitmap.Height} image to {width}x{height} failed.");

    private static byte[] GrayPixels(SKBitmap bitmap)
    {
        var pixels = new byte[bitmap.Width * bitmap.Height];
        var span = bitmap.GetPixelSpan();
        if (bitmap.ColorType == SKColorType.Gray8)
        {
            for (var y = 0; y < bitmap.Height; y++)
            {
                span.Slice(y * bitmap.RowBytes, bitmap.Width).CopyTo(pixels.AsSpan(y * bitmap.Width));
            }

            return pixels;
        }

        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = span.Slice(y * bitmap.RowBytes, bitmap.Width * 4);
            for (var x = 0; x < bitmap.Width; x++)
            {
                // ITU-R BT.601 luma in fixed point (weights sum to 65536, so gray stays gray exactly).
                var r = row[(x * 4) + 0];
                var g = row[(x * 4) + 1];
                var b = row[(x * 4) + 2];
                pixels[(y * bitmap.Width) + x] = (byte)(((19595 * r) + (38470 * g) + (7471 * b) + 32768) >> 16);
            }
        }

        return pixels;
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap;
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swap ? bitmap.Height : bitmap.Width;
        var height = swap ? bitmap.Width : bitmap.Height;
        var rotated = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType));
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }

        bitmap.Dispose();
        return rotated;
    }

    /// <summary>The matrix that maps the stored image to its upright display (EXIF orientation 2–8).</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}

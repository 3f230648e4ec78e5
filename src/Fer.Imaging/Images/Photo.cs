using Fer.Internal;
using SkiaSharp;
using Fer.Imaging;

namespace Fer;

/// <summary>
/// A decoded photo of any size: upright (EXIF orientation applied), colour or grayscale. The input of face detection
/// (<c>IFaceDetector</c>) and of <c>EmotionClassifier.PredictFaces</c>. Holds native pixel memory: dispose it.
/// </summary>
/// <example>
/// <code>
/// using var photo = Photo.Load("group.jpg");
/// Console.WriteLine($"{photo.Width}x{photo.Height}");
/// </code>
/// </example>
public sealed class Photo : IDisposable
{
    private readonly SKBitmap bitmap;

    private Photo(SKBitmap bitmap, string source)
    {
        bitmap.SetImmutable(); // lets SkiaSharp share the pixels with images drawn from them instead of copying
        this.bitmap = bitmap;
        Source = source;
    }

    /// <summary>The largest photo decoded, in pixels (width × height): 100 megapixels. Larger ones are refused from their header.</summary>
    public const long MaxPixels = ImageDecoder.MaxPixels;

    /// <summary>The largest image file read, in bytes (320 MB: an uncompressed 100-megapixel bitmap fits).</summary>
    public const long MaxFileBytes = ImageDecoder.MaxFileBytes;

    /// <summary>The photo's width in pixels, upright.</summary>
    public int Width => Bitmap.Width;

    /// <summary>The photo's height in pixels, upright.</summary>
    public int Height => Bitmap.Height;

    /// <summary>Where the photo came from (a path, or a description), for messages.</summary>
    public string Source { get; }

    /// <summary>The upright pixels, Rgba8888 or Gray8.</summary>
    private SKBitmap Bitmap => IsDisposed ? throw new ObjectDisposedException(nameof(Photo), $"The photo {Source} was disposed.") : bitmap;

    private bool IsDisposed { get; set; }

    /// <summary>Decodes a photo file: JPEG, PNG, BMP, WebP or GIF (first frame), up to 100 megapixels.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FerDataException">The file is empty, corrupt, truncated, not an image, or over 100 megapixels.</exception>
    public static Photo Load(string path)
    {
        return Decode(InputFile.ReadAllBytes(path, "image", ImageDecoder.MaxFileBytes, message => new FerDataException(message) { Input = path }, nameof(path)), path);
    }

    /// <summary>Decodes a photo from a stream holding an encoded image.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="source">A name for messages; "the stream" by default.</param>
    /// <exception cref="FerDataException">The stream does not hold a readable image.</exception>
    public static Photo Decode(Stream stream, string? source = null)
    {
        Guard.NotNull(stream);
        source ??= "the stream";
        var name = source;
        return Decode(InputFile.ReadStream(stream, "image stream", ImageDecoder.MaxFileBytes, message => new FerDataException(message) { Input = name }), source);
    }

    /// <summary>Decodes a photo from the bytes of an encoded image file.</summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="source">A name for messages; "the encoded image bytes" by default.</param>
    /// <exception cref="FerDataException">The bytes are not a readable image.</exception>
    public static Photo Decode(ReadOnlySpan<byte> encoded, string? source = null)
    {
        source ??= "the encoded image bytes";
        return new Photo(ImageDecoder.DecodeUpright(encoded, source), source);
    }

    /// <summary>
    /// Decodes a photo from the bytes of an encoded image file at a reduced scale where the format allows it (JPEG's
    /// 1/2, 1/4, 1/8), as long as the shorter side stays at least <paramref name="minShortSide"/>: much faster for a
    /// large photo whose pixels are only needed small, e.g. as one 48x48 face.
    /// </summary>
    /// <param name="encoded">The file's bytes.</param>
    /// <param name="source">A name for messages; "the encoded image bytes" when null.</param>
    /// <param name="minShortSide">The smallest shorter side wanted, in pixels.</param>
    /// <exception cref="FerDataException">The bytes are not a readable image.</exception>
    public static Photo Decode(ReadOnlySpan<byte> encoded, string? source, int minShortSide)
    {
        Guard.Positive(minShortSide);
        source ??= "the encoded image bytes";
        return new Photo(ImageDecoder.DecodeUpright(encoded, source, minShortSide), source);
    }

    /// <summary>Wraps raw pixels, e.g. a video frame: row-major, tightly packed, top row first.</summary>
    /// <param name="pixels">Width × height × bytes per pixel of <paramref name="format"/>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="format">The layout of one pixel.</param>
    /// <exception cref="FerDataException">The number of bytes does not match the size and format.</exception>
    public static Photo FromPixels(ReadOnlySpan<byte> pixels, int width, int height, PhotoPixelFormat format)
        => FromPixels(pixels, width, height, format, stride: checked(Guard.Positive(width) * BytesPerPixel(format)));

    /// <summary>
    /// Wraps raw pixels whose rows are <paramref name="stride"/> bytes apart (a camera or decoder buffer with padded
    /// rows, e.g. OpenCV's <c>Mat.Step</c>, FFmpeg's linesize or MAUI's row bytes): top row first; the padding is
    /// skipped. The pixels are copied once, converted to the photo's layout on the way.
    /// </summary>
    /// <param name="pixels">At least (height − 1) × stride + width × bytes per pixel bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="format">The layout of one pixel.</param>
    /// <param name="stride">Bytes from the start of one row to the next: at least width × bytes per pixel.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the stride is shorter than a row.</exception>
    /// <exception cref="FerDataException">The buffer is shorter than the size, format and stride need, or the photo is over the pixel limit.</exception>
    public static Photo FromPixels(ReadOnlySpan<byte> pixels, int width, int height, PhotoPixelFormat format, int stride)
    {
        Guard.Positive(width);
        Guard.Positive(height);
        var channels = BytesPerPixel(format);
        if (stride < (long)width * channels)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"A row of a {width}-pixel-wide {format} photo holds {(long)width * channels:N0} bytes, so the stride must be at least that.");
        }

        if ((long)width * height > ImageDecoder.MaxPixels)
        {
            throw new FerDataException($"The pixels describe a {width}x{height} photo, over the limit of {ImageDecoder.MaxPixels:N0} pixels.") { Input = "pixels" };
        }

        var needed = ((long)(height - 1) * stride) + ((long)width * channels);
        var tight = stride == width * channels;
        if (tight ? pixels.Length != needed : pixels.Length < needed)
        {
            throw new FerDataException($"A {width}x{height} {format} photo{(tight ? "" : $" with rows {stride} bytes apart")} needs {(tight ? "" : "at least ")}{needed:N0} bytes, but {pixels.Length:N0} were given.") { Input = "pixels" };
        }

        var bitmap = new SKBitmap(new SKImageInfo(width, height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Premul));
        var target = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            var row = target.Slice(y * bitmap.RowBytes, width * (channels == 1 ? 1 : 4));
            var input = pixels.Slice((int)((long)y * stride), width * channels);
            if (channels == 1 || channels == 4)
            {
                input.CopyTo(row);
                continue;
            }

            var (red, blue) = format == PhotoPixelFormat.Rgb24 ? (0, 2) : (2, 0);
            for (var x = 0; x < width; x++)
            {
                row[(x * 4) + 0] = input[(x * 3) + red];
                row[(x * 4) + 1] = input[(x * 3) + 1];
                row[(x * 4) + 2] = input[(x * 3) + blue];
                row[(x * 4) + 3] = 255;
            }
        }

        return new Photo(bitmap, $"a {width}x{height} {format} pixel buffer");
    }

    private static int BytesPerPixel(PhotoPixelFormat format) => format switch
    {
        PhotoPixelFormat.Gray8 => 1,
        PhotoPixelFormat.Rgb24 or PhotoPixelFormat.Bgr24 => 3,
        PhotoPixelFormat.Rgba32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };

    /// <summary>A resized copy (Mitchell resampling; colour or grayscale kept). Dispose it too.</summary>
    /// <param name="width">The new width in pixels.</param>
    /// <param name="height">The new height in pixels.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or over the pixel limit.</exception>
    public Photo Resize(int width, int height)
    {
        Guard.Positive(width);
        Guard.Positive(height);
        if ((long)width * height > ImageDecoder.MaxPixels)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}x{height} copy is over the limit of {ImageDecoder.MaxPixels:N0} pixels.");
        }

        return new Photo(ImageDecoder.Resize(Bitmap, width, height), $"{Source} resized to {width}x{height}");
    }

    /// <summary>
    /// The whole photo as grayscale pixels of <paramref name="width"/> × <paramref name="height"/>, row-major
    /// (ITU-R BT.601 luma, Mitchell resampling): how images of any size or colour become FER2013-style faces.
    /// </summary>
    /// <param name="width">Width of the result in pixels.</param>
    /// <param name="height">Height of the result in pixels.</param>
    public byte[] ToGrayPixels(int width, int height)
        => ImageDecoder.ToGray(Bitmap, Guard.Positive(height), Guard.Positive(width));

    /// <summary>
    /// Grayscale pixels of a region of the photo, resized to <paramref name="size"/> × <paramref name="size"/> the
    /// same way as <see cref="ToGrayPixels(int, int)"/>.
    /// </summary>
    /// <param name="region">Whole-pixel bounds inside the photo, e.g. from <see cref="Fer.FaceCropping.PlaceInside"/>.</param>
    /// <param name="size">The side of the result in pixels.</param>
    /// <exception cref="ArgumentOutOfRangeException">The region is not whole pixels inside the photo.</exception>
    public byte[] CropToGrayPixels(Fer.FaceBox region, int size)
    {
        Guard.Positive(size);
        var rect = SKRectI.Create((int)region.X, (int)region.Y, (int)region.Width, (int)region.Height);
        if (rect.Left != region.X || rect.Top != region.Y || rect.Width != region.Width || rect.Height != region.Height
            || rect.Width <= 0 || rect.Height <= 0 || rect.Left < 0 || rect.Top < 0 || rect.Right > Width || rect.Bottom > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region must be whole pixels inside the {Width}x{Height} photo {Source}.");
        }

        using var subset = new SKBitmap();
        if (!Bitmap.ExtractSubset(subset, rect))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region is not inside the {Width}x{Height} photo {Source}.");
        }

        return ImageDecoder.ToGray(subset, size, size);
    }

    /// <summary>The pixels as RGBA, 4 bytes each, row-major and tightly packed (grayscale photos expanded, alpha 255).</summary>
    public byte[] ToRgbaPixels()
    {
        var bitmap = Bitmap;
        var result = new byte[checked(bitmap.Width * bitmap.Height * 4)];
        var pixels = bitmap.GetPixelSpan();
        var gray = bitmap.ColorType == SKColorType.Gray8;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes);
            var target = result.AsSpan(y * bitmap.Width * 4, bitmap.Width * 4);
            if (!gray)
            {
                row[..target.Length].CopyTo(target);
                continue;
            }

            for (var x = 0; x < bitmap.Width; x++)
            {
                target[(x * 4) + 0] = target[(x * 4) + 1] = target[(x * 4) + 2] = row[x];
                target[(x * 4) + 3] = 255;
            }
        }

        return result;
    }

    /// <summary>The photo encoded as a JPEG file's bytes (for web pages, storage, previews).</summary>
    /// <param name="quality">JPEG quality, 1–100.</param>
    /// <exception cref="ArgumentOutOfRangeException">The quality is outside 1–100.</exception>
    public byte[] ToJpeg(int quality = 90)
    {
        if (quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality must be between 1 and 100.");
        }

        return Encode(SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>The photo encoded as a PNG file's bytes (lossless).</summary>
    public byte[] ToPng() => Encode(SKEncodedImageFormat.Png, 100);

    /// <summary>Releases the pixels.</summary>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            bitmap.Dispose();
        }
    }

    private byte[] Encode(SKEncodedImageFormat format, int quality)
    {
        using var data = Bitmap.Encode(format, quality) ?? throw new FerException($"SkiaSharp could not encode the {Width}x{Height} photo {Source} as {format}.");
        return data.ToArray();
    }

    /// <summary>"1920x1080 photo group.jpg".</summary>
    public override string ToString() => IsDisposed ? $"disposed photo {Source}" : $"{Width}x{Height} photo {Source}";
}

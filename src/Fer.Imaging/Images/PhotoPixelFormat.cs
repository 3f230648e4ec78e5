namespace Fer;

/// <summary>The layout of one pixel in a raw buffer passed to <see cref="Photo.FromPixels(ReadOnlySpan{byte}, int, int, PhotoPixelFormat)"/>.</summary>
public enum PhotoPixelFormat
{
    /// <summary>One byte: gray.</summary>
    Gray8,

    /// <summary>Three bytes: red, green, blue.</summary>
    Rgb24,

    /// <summary>Three bytes: blue, green, red (OpenCV's order).</summary>
    Bgr24,

    /// <summary>Four bytes: red, green, blue, alpha (alpha ignored).</summary>
    Rgba32,
}

using Fer.Internal;

namespace Fer;

/// <summary>
/// How a detected face box becomes the square crop that is classified. FER2013's faces are framed wider than a
/// detector's tight box (forehead, chin and some background); <see cref="Fer2013"/> reproduces that framing for
/// tight boxes such as BlazeFace's, measured by running the detector on FER2013's own faces (docs/face-detection.md).
/// </summary>
public sealed record FaceCropping
{
    /// <summary>Creates a cropping rule.</summary>
    /// <param name="scale">The crop's side as a multiple of the box's larger side (1 = the box itself).</param>
    /// <param name="verticalShift">Moves the crop's centre down by this fraction of the box height (negative: up).</param>
    public FaceCropping(double scale, double verticalShift = 0)
    {
        Scale = Guard.InRange(scale, 0.5, 4);
        VerticalShift = Guard.InRange(verticalShift, -1, 1);
    }

    /// <summary>FER2013's framing for tight face boxes (the default).</summary>
    public static FaceCropping Fer2013 { get; } = new(1.2, -0.12);

    /// <summary>The box itself, squared: for detectors whose boxes already frame faces like FER2013.</summary>
    public static FaceCropping None { get; } = new(1);

    /// <summary>The crop's side as a multiple of the box's larger side.</summary>
    public double Scale { get; }

    /// <summary>The crop centre's downward shift, as a fraction of the box height.</summary>
    public double VerticalShift { get; }

    /// <summary>The square region to classify for a face box.</summary>
    /// <param name="box">The detector's box.</param>
    public FaceBox CropFor(FaceBox box)
    {
        var side = (float)(Math.Max(box.Width, box.Height) * Scale);
        var centerX = box.X + (box.Width / 2);
        var centerY = box.Y + (box.Height / 2) + (float)(VerticalShift * box.Height);
        return new FaceBox(centerX - (side / 2), centerY - (side / 2), side, side);
    }

    /// <summary>
    /// The whole-pixel square nearest to <paramref name="crop"/> that lies inside the photo: moved inwards at the
    /// edges, and shrunk only when it is larger than the photo's shorter side.
    /// </summary>
    /// <param name="crop">The wanted crop, e.g. from <see cref="CropFor"/>.</param>
    /// <param name="photoWidth">The photo's width in pixels.</param>
    /// <param name="photoHeight">The photo's height in pixels.</param>
    public static FaceBox PlaceInside(FaceBox crop, int photoWidth, int photoHeight)
    {
        Guard.Positive(photoWidth);
        Guard.Positive(photoHeight);
        var side = Math.Clamp((int)MathF.Round(crop.Width), 1, Math.Min(photoWidth, photoHeight));
        var centerX = crop.X + (crop.Width / 2);
        var centerY = crop.Y + (crop.Height / 2);
        var left = Math.Clamp((int)MathF.Round(centerX - (side / 2f)), 0, photoWidth - side);
        var top = Math.Clamp((int)MathF.Round(centerY - (side / 2f)), 0, photoHeight - side);
        return new FaceBox(left, top, side, side);
    }
}

namespace Fer;

/// <summary>An axis-aligned rectangle in a photo's pixel coordinates (origin top left, upright photo).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, ≥ 0.</param>
/// <param name="Height">Height, ≥ 0.</param>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    /// <summary>Right edge (<see cref="X"/> + <see cref="Width"/>).</summary>
    public float Right => X + Width;

    /// <summary>Bottom edge (<see cref="Y"/> + <see cref="Height"/>).</summary>
    public float Bottom => Y + Height;

    /// <summary>Width × height.</summary>
    public float Area => Math.Max(Width, 0) * Math.Max(Height, 0);

    /// <summary>Intersection over union with another box, in [0, 1].</summary>
    /// <param name="other">The other box.</param>
    public float IntersectionOverUnion(FaceBox other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>"(x 12, y 34, 56x78)".</summary>
    public override string ToString() => FormattableString.Invariant($"(x {X:0}, y {Y:0}, {Width:0}x{Height:0})");
}

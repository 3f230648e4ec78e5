namespace Fer.Core;

/// <summary>Output sizes and the (possibly asymmetric) padding that Keras's "same" and "valid" imply.</summary>
internal readonly record struct SamePadding(int Top, int Bottom, int Left, int Right)
{
    public bool IsZero => Top == 0 && Bottom == 0 && Left == 0 && Right == 0;

    public bool IsSymmetric => Top == Bottom && Left == Right;

    /// <summary>F.pad order: left, right, top, bottom.</summary>
    public long[] ToPadArray() => [Left, Right, Top, Bottom];

    public static SamePadding For(Padding padding, int height, int width, int kernel, int stride)
    {
        if (padding == Padding.Valid)
        {
            return default;
        }

        var (top, bottom) = Split(height, kernel, stride);
        var (left, right) = Split(width, kernel, stride);
        return new SamePadding(top, bottom, left, right);
    }

    public static int OutputSize(Padding padding, int input, int kernel, int stride)
        => padding == Padding.Same ? (input + stride - 1) / stride : ((input - kernel) / stride) + 1;

    private static (int Before, int After) Split(int input, int kernel, int stride)
    {
        var output = (input + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + kernel - input, 0);
        return (total / 2, total - (total / 2));
    }
}


namespace Fer.Internal;

/// <summary>Grayscale pixels given as floats in [0, 1], as 0–255 bytes.</summary>
internal static class UnitPixels
{
    /// <summary>Each value times 255, rounded; refuses values outside [0, 1] (and NaN) naming <paramref name="source"/>.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> values, string source)
    {
        var bytes = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!(v >= 0f && v <= 1f))
            {
                throw new FerDataException($"{source}[{i}] is {v}; float pixels must be in [0, 1] (divide 0–255 values by 255).") { Input = source };
            }

            bytes[i] = (byte)MathF.Round(v * 255f);
        }

        return bytes;
    }
}

using NumSharp;

namespace Fer.Core;

/// <summary>Checks a weight value given to <see cref="Sequential.SetWeights"/> before anything of the model changes.</summary>
internal static class WeightValues
{
    /// <summary>The values of <paramref name="array"/> as float32, refused unless of <paramref name="shape"/>, float or double, and finite.</summary>
    public static float[] Checked(string name, NDArray? array, long[] shape)
    {
        if (array is null)
        {
            throw new FerModelException($"The value for weight '{name}' is null.");
        }

        if (!array.shape.Select(d => (long)d).SequenceEqual(shape))
        {
            throw new FerModelException($"Weight '{name}' has shape ({string.Join(", ", shape)}) but the value given has shape ({string.Join(", ", array.shape)}).");
        }

        var flat = array.flatten();
        var values = array.typecode switch
        {
            NPTypeCode.Single => flat.ToArray<float>(),
            NPTypeCode.Double => flat.ToArray<double>().Select(d => (float)d).ToArray(),
            _ => throw new FerModelException($"The value for weight '{name}' has element type {array.typecode}; use float or double."),
        };
        var bad = Array.FindIndex(values, v => !float.IsFinite(v));
        if (bad >= 0)
        {
            throw new FerModelException($"The value for weight '{name}' holds {values[bad]} at flat index {bad}; weights must be finite.");
        }

        return values;
    }
}
